package org.signet.intake;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Reads and settles outbox rows, each call its own short transaction. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxStore {

    @PersistenceContext private EntityManager em;

    /** The rows among {@code ids} that the broker has not received yet. */
    public List<OutboxMessage> unsent(List<String> ids) {
        return ids.stream()
                .map(id -> em.find(OutboxMessage.class, id))
                .filter(Objects::nonNull)
                .filter(row -> row.getSentAt() == null)
                .toList();
    }

    /** Ids of unsent rows older than {@code before}, oldest first. */
    public List<String> overdue(Instant before, int limit) {
        return em.createNamedQuery(OutboxMessage.OVERDUE, String.class)
                .setParameter("before", before)
                .setMaxResults(limit)
                .getResultList();
    }

    public void markSent(String id) {
        em.createNamedQuery(OutboxMessage.MARK_SENT)
                .setParameter("now", Instant.now())
                .setParameter("id", id)
                .executeUpdate();
    }
}
