package org.signet.intake;

import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;

/**
 * A JobRequest as clients send it over REST. Member names follow the established product that
 * Signet replaces, so that its clients work unchanged (DESIGN.md, "Contract that clients rely on").
 * Each recipient entry becomes one mail; everything outside {@code recipients} is shared by all of
 * them.
 *
 * <p>Bean Validation checks each member on its own; what needs the whole request (the size of the
 * composed mail) is checked when the mails are composed at intake.
 */
public record JobRequest(
        @NotNull @Valid @DecodableText(maxChars = JobRequest.SUBJECT_MAX_CHARS) Subject subject,
        @Valid @DecodableText Body body,
        @Valid @DecodableText Body alternative,
        @Size(max = JobRequest.MAX_ATTACHMENTS) List<@NotNull @Valid Attachment> attachments,
        @NotEmpty @Size(max = JobRequest.MAX_RECIPIENT_ENTRIES)
                List<@NotNull @Valid Recipient> recipients,
        @NotNull @Valid MailSettings mail,
        @Valid JobSettings job,
        @Valid Notification notification) {

    public static final int SUBJECT_MAX_CHARS = 500;
    public static final int MAX_RECIPIENT_ENTRIES = 1000;
    public static final int MAX_ATTACHMENTS = 100;
    public static final int MAX_ADDRESSES = 100;
    public static final int MAX_HEADERS = 50;

    /** An extra header: an {@code X-} name that is not one of the control headers. */
    static final String HEADER_NAME = "(?!(?i:X-RETARUS-))[Xx]-[A-Za-z0-9][A-Za-z0-9-]{0,74}";

    static final String HEADER_NAME_MESSAGE =
            "must be an X- header name of letters, digits and '-' (at most 76 characters);"
                    + " X-RETARUS-* control headers are not allowed here";

    /** A header value must stay on its line: no CR, LF or NUL. */
    static final String HEADER_VALUE = "[^\\r\\n\\x00]*";

    static final String HEADER_VALUE_MESSAGE = "must not contain line breaks";

    /** Whether the job itself asks for signing (true/false), or null when it says nothing. */
    public Boolean messageSigningFlag() {
        if (job == null || job.features() == null || job.features().messageSigning() == null) {
            return null;
        }
        return job.features().messageSigning().active();
    }

    /** The password of the notification endpoint, or null. */
    public String notificationPassword() {
        if (notification == null || notification.endPoint().authentication() == null) {
            return null;
        }
        return notification.endPoint().authentication().password();
    }

    /** This request as Signet stores it: without the notification endpoint's password. */
    public JobRequest withoutNotificationPassword() {
        if (notificationPassword() == null) {
            return this;
        }
        var endPoint = notification.endPoint();
        var authentication = endPoint.authentication();
        var stored =
                new EndPoint(
                        endPoint.url(),
                        endPoint.headers(),
                        new Authentication(authentication.method(), authentication.user(), null));
        return new JobRequest(
                subject,
                body,
                alternative,
                attachments,
                recipients,
                mail,
                job,
                new Notification(stored));
    }

    /**
     * The positions of recipient entries whose own messageSigning flag says otherwise than the job:
     * signing is decided once per job, so such an entry is refused rather than silently overruled.
     */
    public List<Integer> recipientsDisagreeingOnSigning() {
        var jobFlag = messageSigningFlag();
        var disagreeing = new java.util.ArrayList<Integer>();
        for (int i = 0; i < recipients.size(); i++) {
            var features = recipients.get(i) == null ? null : recipients.get(i).features();
            if (features != null
                    && features.messageSigning() != null
                    && !features.messageSigning().active().equals(jobFlag)) {
                disagreeing.add(i);
            }
        }
        return disagreeing;
    }

    public List<Attachment> attachmentsOrEmpty() {
        return attachments == null ? List.of() : attachments;
    }

    /** Text that a client may send encoded, in a charset it names. */
    public interface TextContent {
        String content();

        String charset();

        String contentEncoding();

        String contentTransferEncoding();
    }

    public record Subject(
            @NotNull String content,
            String charset,
            @Pattern(
                            regexp = ContentDecoding.ENCODINGS,
                            flags = Pattern.Flag.CASE_INSENSITIVE,
                            message = ContentDecoding.ENCODINGS_MESSAGE)
                    String contentEncoding,
            @Pattern(
                            regexp = ContentDecoding.TRANSFER_ENCODINGS,
                            flags = Pattern.Flag.CASE_INSENSITIVE,
                            message = ContentDecoding.TRANSFER_ENCODINGS_MESSAGE)
                    String contentTransferEncoding)
            implements TextContent {}

    public record Body(
            @NotNull
                    @Pattern(
                            regexp = "text/plain|text/html",
                            flags = Pattern.Flag.CASE_INSENSITIVE,
                            message = "must be text/plain or text/html")
                    String contentType,
            @NotNull String content,
            String charset,
            @Pattern(
                            regexp = ContentDecoding.ENCODINGS,
                            flags = Pattern.Flag.CASE_INSENSITIVE,
                            message = ContentDecoding.ENCODINGS_MESSAGE)
                    String contentEncoding,
            @Pattern(
                            regexp = ContentDecoding.TRANSFER_ENCODINGS,
                            flags = Pattern.Flag.CASE_INSENSITIVE,
                            message = ContentDecoding.TRANSFER_ENCODINGS_MESSAGE)
                    String contentTransferEncoding)
            implements TextContent {

        @JsonbTransient
        public boolean isHtml() {
            return "text/html".equalsIgnoreCase(contentType);
        }
    }

    /** A file sent along, its content in base64. */
    public record Attachment(
            @NotNull
                    @Size(max = 255)
                    @Pattern(
                            regexp = "[^/\\\\\\x00-\\x1f\\x7f]+",
                            message =
                                    "must be a file name without path separators or control"
                                            + " characters")
                    String name,
            @NotNull @MimeType String contentType,
            @NotNull @Base64Content String content) {}

    public record Recipient(
            @NotNull @Valid RecipientMail mail,
            @Valid Features features,
            @Size(max = 255) String reference) {}

    /** The addresses and headers of one mail. */
    public record RecipientMail(
            @NotEmpty @Size(max = MAX_ADDRESSES) List<@NotNull @Valid Address> to,
            @Size(max = MAX_ADDRESSES) List<@NotNull @Valid Address> cc,
            @Size(max = MAX_ADDRESSES) List<@NotNull @Valid Address> bcc,
            @Valid Address replyTo,
            @MessageIdReference String inReplyTo,
            @Pattern(
                            regexp = Priority.VALUES,
                            flags = Pattern.Flag.CASE_INSENSITIVE,
                            message = Priority.MESSAGE)
                    String priority,
            @Size(max = 998)
                    @Pattern(
                            regexp = "<?(https://|http://|mailto:)[^\\s<>]+>?",
                            message = "must be an https, http or mailto URI")
                    String listUnsubscribe,
            @Size(max = MAX_HEADERS)
                    Map<
                                    @Pattern(regexp = HEADER_NAME, message = HEADER_NAME_MESSAGE)
                                    String,
                                    @NotNull @Size(max = 998)
                                    @Pattern(regexp = HEADER_VALUE, message = HEADER_VALUE_MESSAGE)
                                    String>
                            xHeaders) {

        public List<Address> ccOrEmpty() {
            return cc == null ? List.of() : cc;
        }

        public List<Address> bccOrEmpty() {
            return bcc == null ? List.of() : bcc;
        }
    }

    /** What all mails of the job share: the envelope sender, the From header and more headers. */
    public record MailSettings(
            @NotNull @Valid Address from,
            @Valid Address mimeFrom,
            @Valid Address replyTo,
            @MessageIdReference String inReplyTo,
            @Pattern(
                            regexp = Priority.VALUES,
                            flags = Pattern.Flag.CASE_INSENSITIVE,
                            message = Priority.MESSAGE)
                    String priority,
            @Size(max = MAX_HEADERS)
                    Map<
                                    @Pattern(regexp = HEADER_NAME, message = HEADER_NAME_MESSAGE)
                                    String,
                                    @NotNull @Size(max = 998)
                                    @Pattern(regexp = HEADER_VALUE, message = HEADER_VALUE_MESSAGE)
                                    String>
                            xHeaders) {}

    /**
     * An address as {@code {"email": "Friendly Name<local@domain>"}}, the friendly part optional.
     */
    public record Address(@NotNull @Size(max = 998) @MailAddress String email) {}

    public record JobSettings(
            @Size(max = 255) String referenceJob,
            @Size(max = 255) String costCenter,
            @Size(max = 255) String campaignId,
            @Valid Features features,
            @Size(max = 20)
                    Map<@Size(max = 100) String, @NotNull @Size(max = 1000) String> options) {}

    public record Features(@Valid MessageSigning messageSigning) {}

    public record MessageSigning(@NotNull Boolean active) {}

    /** Where the mails' tracking events are pushed; the account's default when absent. */
    public record Notification(@NotNull @Valid EndPoint endPoint) {}

    public record EndPoint(
            @NotNull
                    @Size(max = 2000)
                    @Pattern(
                            regexp = "https?://[^\\s]+",
                            flags = Pattern.Flag.CASE_INSENSITIVE,
                            message = "must be an absolute http or https URL")
                    String url,
            @Size(max = 20)
                    Map<
                                    @Pattern(
                                            regexp = "[A-Za-z0-9][A-Za-z0-9-]{0,99}",
                                            message = "must be an HTTP header name")
                                    String,
                                    @NotNull @Size(max = 2000)
                                    @Pattern(regexp = HEADER_VALUE, message = HEADER_VALUE_MESSAGE)
                                    String>
                            headers,
            @Valid Authentication authentication) {}

    public record Authentication(
            @NotNull
                    @Pattern(
                            regexp = "BASIC",
                            flags = Pattern.Flag.CASE_INSENSITIVE,
                            message = "must be BASIC")
                    String method,
            @NotNull @Size(max = 255) String user,
            @NotNull @Size(max = 255) String password) {

        @Override
        public String toString() {
            return "Authentication[method=" + method + ", user=" + user + ", password=***]";
        }
    }
}
