package org.signet.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records administrative changes in the transaction that makes them, so that a change and its entry
 * exist together or not at all. The actor is the signed-in caller; changes that Signet makes itself
 * (the first start's provisioning, timers) are recorded as {@value #SYSTEM}.
 */
@Stateless
public class AuditTrail {

    public static final String SYSTEM = "system";

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    private static final int MAX_DETAIL = 1000;

    @PersistenceContext private EntityManager em;

    @Resource private SessionContext context;

    /** Adds an entry; {@code detail} says what changed and must never hold a secret. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void record(AuditAction action, String target, String detail) {
        var actor = actor();
        var text =
                detail == null || detail.length() <= MAX_DETAIL
                        ? detail
                        : detail.substring(0, MAX_DETAIL);
        em.persist(new AuditEntry(Instant.now(), actor, action.name(), target, text));
        LOG.log(
                Level.INFO,
                "Audit: {0} {1} {2}{3}",
                new Object[] {actor, action, target, text == null ? "" : " (" + text + ")"});
    }

    /** The newest entries first, {@code max} from {@code first} on. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEntry> newest(int first, int max) {
        return em.createQuery(
                        "SELECT a FROM AuditEntry a ORDER BY a.occurredAt DESC, a.id DESC",
                        AuditEntry.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int count() {
        return em.createQuery("SELECT COUNT(a) FROM AuditEntry a", Long.class)
                .getSingleResult()
                .intValue();
    }

    private String actor() {
        try {
            var caller = context.getCallerPrincipal();
            if (caller == null
                    || caller.getName() == null
                    || caller.getName().isBlank()
                    || "ANONYMOUS".equalsIgnoreCase(caller.getName())) {
                return SYSTEM;
            }
            return caller.getName();
        } catch (IllegalStateException e) {
            return SYSTEM;
        }
    }
}
