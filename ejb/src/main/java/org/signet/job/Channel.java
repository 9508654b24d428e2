package org.signet.job;

/** How a job reached Signet. */
public enum Channel {
    /** A JobRequest over {@code POST /rest/v1/jobs}: the pipeline composes each mail from it. */
    REST,
    /** A message over the SMTP adapter: the pipeline signs and delivers the client's message. */
    SMTP
}
