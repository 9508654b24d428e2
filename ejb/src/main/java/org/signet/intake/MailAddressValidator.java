package org.signet.intake;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Accepts what {@link Addresses#mailbox(String)} can parse; blank values are for @NotBlank. */
public class MailAddressValidator implements ConstraintValidator<MailAddress, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || value.isBlank() || Addresses.parse(value).isPresent();
    }
}
