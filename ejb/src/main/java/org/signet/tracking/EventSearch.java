package org.signet.tracking;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.signet.account.Customer;
import org.signet.job.Mail;

/**
 * The console's Live Search over tracking events. A customer user's search is confined to its own
 * customer; an administrator's (scope {@code null}) spans every customer.
 *
 * <p>Each filter is an equality or a range on an indexed column (migration V11), and the events
 * table is joined to mails and jobs only when a filter or the order needs them; the page's mails,
 * jobs and signing results are read afterwards for its few rows only.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class EventSearch {

    /** Counting stops here: the console says "more than" instead of counting a million rows. */
    public static final int COUNT_LIMIT = 10_000;

    /** The orders the result table offers. Ties are broken by time and id, newest first. */
    public enum Order {
        TIME("e.occurredAt", false),
        TYPE("e.type", false),
        SENDER("e.searchSender", false),
        RECIPIENT("m.searchRecipient", true),
        JOB("e.jobId", false);

        private final String path;
        private final boolean needsMail;

        Order(String path, boolean needsMail) {
            this.path = path;
            this.needsMail = needsMail;
        }
    }

    @PersistenceContext private EntityManager em;

    /**
     * How many events match, counted up to {@link #COUNT_LIMIT} + 1; a result above the limit means
     * "more than {@value #COUNT_LIMIT}".
     */
    public int count(Long customerScope, SearchCriteria criteria) {
        var query = query(customerScope, criteria, null);
        if (query.isEmpty()) {
            return 0;
        }
        return query.get()
                .typed(em, "SELECT e.id", Long.class)
                .setMaxResults(COUNT_LIMIT + 1)
                .getResultList()
                .size();
    }

    /** The hits from {@code first} on, at most {@code max}, in the order asked for. */
    public List<EventHit> page(
            Long customerScope,
            SearchCriteria criteria,
            int first,
            int max,
            Order order,
            boolean ascending) {
        var query = query(customerScope, criteria, order);
        if (query.isEmpty() || max <= 0) {
            return List.of();
        }
        var direction = ascending ? " ASC" : " DESC";
        var orderBy = new StringJoiner(", ", " ORDER BY ", "");
        if (order == Order.TIME && !ascending) {
            // columns that a filter fixes lead the order as they lead the index: then H2 reads
            // the page off the index instead of sorting every match (PostgreSQL needs no hint)
            query.get().indexPrefix().forEach(path -> orderBy.add(path + " ASC"));
        }
        if (order != Order.TIME) {
            orderBy.add(order.path + direction);
        }
        orderBy.add("e.occurredAt" + (order == Order.TIME ? direction : " DESC"));
        orderBy.add("e.id" + (order == Order.TIME ? direction : " DESC"));
        var events =
                query.get()
                        .typed(em, "SELECT e", TrackingEvent.class, orderBy.toString())
                        .setFirstResult(Math.max(first, 0))
                        .setMaxResults(max)
                        .getResultList();
        return hits(events);
    }

    private List<EventHit> hits(List<TrackingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        var mailIds = events.stream().map(TrackingEvent::getMailId).distinct().toList();
        Map<String, Object[]> mails =
                em.createQuery(
                                "SELECT m.id, m.envelopeFrom, m.email, m.reference, j.referenceJob,"
                                        + " j.accountId, c.customerNo FROM Mail m JOIN m.job j"
                                        + " JOIN j.customer c WHERE m.id IN :ids",
                                Object[].class)
                        .setParameter("ids", mailIds)
                        .getResultStream()
                        .collect(Collectors.toMap(row -> (String) row[0], Function.identity()));
        var decidingTypes = new HashMap<String, Set<String>>();
        em.createQuery(
                        "SELECT e.mailId, e.type FROM TrackingEvent e WHERE e.mailId IN :ids"
                                + " AND e.type IN :types",
                        Object[].class)
                .setParameter("ids", mailIds)
                .setParameter("types", SigningResult.DECIDING_TYPES)
                .getResultStream()
                .forEach(
                        row ->
                                decidingTypes
                                        .computeIfAbsent((String) row[0], id -> new HashSet<>())
                                        .add((String) row[1]));

        var hits = new ArrayList<EventHit>(events.size());
        for (var event : events) {
            var mail = mails.get(event.getMailId());
            hits.add(
                    new EventHit(
                            event.getId(),
                            event.getOccurredAt(),
                            event.getPhase(),
                            event.getState(),
                            event.getType(),
                            event.getSubType(),
                            event.getDescription(),
                            event.getMailId(),
                            event.getJobId(),
                            (String) mail[6],
                            (String) mail[5],
                            (String) mail[1],
                            (String) mail[2],
                            (String) mail[4],
                            (String) mail[3],
                            SigningResult.of(
                                    decidingTypes.getOrDefault(event.getMailId(), Set.of()))));
        }
        return hits;
    }

    /**
     * The search within the caller's scope; empty when nothing can match, for a customer number
     * that is unknown or outside the scope.
     */
    private Optional<Query> query(Long customerScope, SearchCriteria criteria, Order order) {
        if (criteria.customerNo() == null) {
            return Optional.of(Query.of(customerScope, criteria, order));
        }
        return em.createNamedQuery(Customer.BY_NUMBER, Customer.class)
                .setParameter("customerNo", criteria.customerNo())
                .getResultStream()
                .findFirst()
                .map(Customer::getId)
                .filter(named -> customerScope == null || customerScope.equals(named))
                .map(named -> Query.of(named, criteria, order));
    }

    /**
     * The FROM and WHERE of one search, with its parameters, and the leading columns of the index
     * that serves it (those its equality filters fix).
     */
    private record Query(
            String fromWhere, Map<String, Object> parameters, List<String> indexPrefix) {

        /** The search of {@code customer}'s events, or of every customer's (null). */
        static Query of(Long customer, SearchCriteria criteria, Order order) {
            var conditions = new ArrayList<String>();
            var parameters = new HashMap<String, Object>();

            if (customer != null) {
                conditions.add("e.customerId = :customerId");
                parameters.put("customerId", customer);
            }
            equal(conditions, parameters, "e.jobId", "jobId", criteria.jobId());
            equal(conditions, parameters, "e.mailId", "mailId", criteria.mailId());
            equal(conditions, parameters, "e.type", "type", criteria.type());
            equal(conditions, parameters, "e.subType", "subType", criteria.subType());
            if (criteria.sender() != null) {
                equal(conditions, parameters, "e.searchSender", "sender", key(criteria.sender()));
            }
            if (criteria.from() != null) {
                conditions.add("e.occurredAt >= :from");
                parameters.put("from", criteria.from());
            }
            if (criteria.to() != null) {
                conditions.add("e.occurredAt < :to");
                parameters.put("to", criteria.to());
            }

            var joinMail =
                    criteria.recipient() != null
                            || criteria.reference() != null
                            || (order != null && order.needsMail);
            var joinJob = criteria.jobReference() != null;
            var from = new StringBuilder(" FROM TrackingEvent e");
            if (joinMail) {
                from.append(", Mail m");
                conditions.add("m.id = e.mailId");
                if (criteria.recipient() != null) {
                    equal(
                            conditions,
                            parameters,
                            "m.searchRecipient",
                            "recipient",
                            key(criteria.recipient()));
                }
                equal(conditions, parameters, "m.reference", "reference", criteria.reference());
            }
            if (joinJob) {
                from.append(", Job j");
                conditions.add("j.id = e.jobId");
                equal(
                        conditions,
                        parameters,
                        "j.referenceJob",
                        "jobReference",
                        criteria.jobReference());
            }
            if (!conditions.isEmpty()) {
                from.append(" WHERE ").append(String.join(" AND ", conditions));
            }
            return new Query(from.toString(), parameters, indexPrefix(criteria, customer));
        }

        /** Mirrors the event indexes of migration V11, most selective first. */
        private static List<String> indexPrefix(SearchCriteria criteria, Long customer) {
            if (criteria.jobId() != null) {
                return List.of("e.jobId");
            }
            if (criteria.mailId() != null
                    || criteria.recipient() != null
                    || criteria.reference() != null
                    || criteria.jobReference() != null) {
                return List.of();
            }
            if (criteria.sender() != null) {
                return List.of("e.searchSender");
            }
            if (customer != null && criteria.type() != null) {
                return List.of("e.customerId", "e.type");
            }
            if (customer != null) {
                return List.of("e.customerId");
            }
            if (criteria.type() != null) {
                return List.of("e.type");
            }
            if (criteria.subType() != null) {
                return List.of("e.subType");
            }
            return List.of();
        }

        <T> TypedQuery<T> typed(EntityManager em, String select, Class<T> type) {
            return typed(em, select, type, "");
        }

        <T> TypedQuery<T> typed(EntityManager em, String select, Class<T> type, String orderBy) {
            var query = em.createQuery(select + fromWhere + orderBy, type);
            parameters.forEach(query::setParameter);
            return query;
        }

        private static String key(String address) {
            return Mail.searchKey(address);
        }

        private static void equal(
                List<String> conditions,
                Map<String, Object> parameters,
                String path,
                String name,
                String value) {
            if (value != null) {
                conditions.add(path + " = :" + name);
                parameters.put(name, value);
            }
        }
    }
}
