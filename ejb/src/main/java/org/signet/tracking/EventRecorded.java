package org.signet.tracking;

import org.signet.job.Mail;

/** A tracking event that was just recorded, in the transaction that recorded it. */
public record EventRecorded(TrackingEvent event, Mail mail) {}
