package org.signet.web.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.convert.Converter;
import jakarta.faces.convert.ConverterException;
import jakarta.faces.convert.FacesConverter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * A UTC time in a console URL: {@code 2026-12-01T08:00:00Z}, or without the zone, which then means
 * UTC too. The console shows and takes every time in UTC, as the API does.
 */
@FacesConverter("signet.UtcDateTime")
public class UtcDateTimeConverter implements Converter<LocalDateTime> {

    @Override
    public LocalDateTime getAsObject(FacesContext context, UIComponent component, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var text = value.strip();
        try {
            if (text.endsWith("Z") || text.endsWith("z")) {
                return LocalDateTime.ofInstant(Instant.parse(text.toUpperCase()), ZoneOffset.UTC);
            }
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConverterException(
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR,
                            "Not a time: give it as 2026-12-01T08:00:00Z (UTC).",
                            null),
                    e);
        }
    }

    @Override
    public String getAsString(FacesContext context, UIComponent component, LocalDateTime value) {
        if (value == null) {
            return "";
        }
        return value.truncatedTo(ChronoUnit.SECONDS).toInstant(ZoneOffset.UTC).toString();
    }
}
