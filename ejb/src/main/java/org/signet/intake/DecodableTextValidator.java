package org.signet.intake;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.signet.intake.ContentDecoding.UndecodableException;
import org.signet.intake.JobRequest.TextContent;

/** Decodes the text once and names the member at fault: {@code subject.charset}, say. */
public class DecodableTextValidator implements ConstraintValidator<DecodableText, TextContent> {

    private int maxChars;

    @Override
    public void initialize(DecodableText annotation) {
        maxChars = annotation.maxChars();
    }

    @Override
    public boolean isValid(TextContent value, ConstraintValidatorContext context) {
        if (value == null || value.content() == null) {
            return true;
        }
        try {
            var text = ContentDecoding.text(value);
            if (text.length() > maxChars) {
                return reject(
                        context,
                        "content",
                        "must be at most " + maxChars + " characters once decoded");
            }
            return true;
        } catch (UndecodableException e) {
            return reject(context, e.member(), e.getMessage());
        }
    }

    private static boolean reject(ConstraintValidatorContext context, String member, String why) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(escape(why))
                .addPropertyNode(member)
                .addConstraintViolation();
        return false;
    }

    /** Messages are templates: braces and dollars in them must not be interpolated. */
    private static String escape(String message) {
        return message.replace("\\", "\\\\")
                .replace("{", "\\{")
                .replace("}", "\\}")
                .replace("$", "\\$");
    }
}
