package org.signet.intake;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Checks base64 without decoding it: a 20 MB attachment is not copied to be validated. */
public class Base64ContentValidator implements ConstraintValidator<Base64Content, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || ContentDecoding.isBase64(value);
    }
}
