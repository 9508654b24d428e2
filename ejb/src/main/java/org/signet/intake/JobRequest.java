package org.signet.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A JobRequest as clients send it over REST. Member names follow the established product that
 * Signet replaces, so that its clients work unchanged (DESIGN.md, "Contract that clients rely on").
 */
// TODO [Intake] thin model: alternative, attachments, headers, encodings and charsets come with
// the full JobRequest; unknown members are ignored until then
public record JobRequest(
        @NotNull @Valid Subject subject,
        @Valid Body body,
        @NotEmpty @Size(max = 1000) List<@NotNull @Valid Recipient> recipients,
        @NotNull @Valid MailSettings mail,
        @Valid JobSettings job) {

    /** Whether the job itself asks for signing (true/false), or null when it says nothing. */
    public Boolean messageSigningFlag() {
        if (job == null || job.features() == null || job.features().messageSigning() == null) {
            return null;
        }
        return job.features().messageSigning().active();
    }

    public record Subject(@NotBlank @Size(max = 500) String content, String charset) {}

    public record Body(@NotBlank String contentType, @NotNull String content, String charset) {}

    public record Recipient(
            @NotNull @Valid RecipientMail mail, @Size(max = 255) String reference) {}

    public record RecipientMail(@NotEmpty List<@NotNull @Valid Address> to) {}

    public record MailSettings(@NotNull @Valid Address from, @Valid Address mimeFrom) {}

    /**
     * An address as {@code {"email": "Friendly Name<local@domain>"}}, the friendly part optional.
     */
    public record Address(@NotBlank @MailAddress String email) {}

    public record JobSettings(
            @Size(max = 255) String referenceJob,
            @Size(max = 255) String costCenter,
            @Size(max = 255) String campaignId,
            @Valid Features features) {}

    public record Features(@Valid MessageSigning messageSigning) {}

    public record MessageSigning(@NotNull Boolean active) {}
}
