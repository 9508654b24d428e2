package org.signet.intake;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads and settles outbox rows, each call its own short transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    /** Ids per IN list: well below the parameter limits of H2 and PostgreSQL. */
    static final int CHUNK = 500;

    @PersistenceContext private EntityManager em;

    /** The rows among {@code ids} that the broker has not received yet, oldest first. */
    public List<OutboxMessage> unsent(List<String> ids) {
        var rows = new ArrayList<OutboxMessage>();
        for (var chunk : chunks(ids)) {
            rows.addAll(
                    em.createNamedQuery(OutboxMessage.UNSENT, OutboxMessage.class)
                            .setParameter("ids", chunk)
                            .getResultList());
        }
        rows.sort(Comparator.comparing(OutboxMessage::getCreatedAt));
        return rows;
    }

    /** Ids of unsent rows older than {@code before}, oldest first. */
    public List<String> overdue(Instant before, int limit) {
        return em.createNamedQuery(OutboxMessage.OVERDUE, String.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Forgets the outbox rows of a mail that the pipeline has dealt with (composed or ended), in
     * the caller's transaction: the rows that remain are the mails still waiting for processing.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void settle(String mailId) {
        em.createNamedQuery(OutboxMessage.SETTLE).setParameter("mailId", mailId).executeUpdate();
    }

    /**
     * Rows sent before {@code before} whose mail has not been dealt with: a message that the broker
     * lost, or that waits in an in-doubt transaction, or is merely slow. Oldest first.
     */
    public List<OutboxMessage> stalled(Instant before, int limit) {
        return em.createNamedQuery(OutboxMessage.STALLED, OutboxMessage.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    public void markSent(List<String> ids) {
        mark(OutboxMessage.MARK_SENT, ids);
    }

    /** Marks rows that were sent once more, so that the next look waits for them again. */
    public void markResent(List<String> ids) {
        mark(OutboxMessage.MARK_RESENT, ids);
    }

    private void mark(String query, List<String> ids) {
        var now = Instant.now();
        for (var chunk : chunks(ids)) {
            em.createNamedQuery(query)
                    .setParameter("now", now)
                    .setParameter("ids", chunk)
                    .executeUpdate();
        }
    }

    private static List<List<String>> chunks(List<String> ids) {
        var chunks = new ArrayList<List<String>>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }
}
