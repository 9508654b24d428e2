package org.signet.intake;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A media type such as {@code application/pdf}, parameters allowed (RFC 2045 5.1). */
@Documented
@Size(max = 255)
@Pattern(regexp = MimeType.SYNTAX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MimeType {

    String TOKEN = "[A-Za-z0-9!#$&^_.+-]+";

    String SYNTAX =
            TOKEN + "/" + TOKEN + "(\\s*;\\s*" + TOKEN + "=(" + TOKEN + "|\"[^\"\\r\\n\\\\]*\"))*";

    String message() default "must be a media type such as application/pdf";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
