package org.signet.web.console;

import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.primefaces.event.data.SortEvent;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.signet.tracking.EventHit;
import org.signet.tracking.EventSearch;
import org.signet.tracking.SearchCriteria;
import org.signet.tracking.Timestamps;

/**
 * The Live Search page: the search form, its bookmarkable URL parameters and the lazily loaded,
 * paged and sortable table of matching events. Only the visible page is ever read.
 */
@Named
@ViewScoped
public class LiveSearchBean implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Logger LOG = Logger.getLogger(LiveSearchBean.class.getName());

    private static final long SLOW_MILLIS = 1_000;

    /** The sortable columns, by the field names the page gives them. */
    private static final Map<String, EventSearch.Order> ORDERS =
            Map.of(
                    "time", EventSearch.Order.TIME,
                    "type", EventSearch.Order.TYPE,
                    "sender", EventSearch.Order.SENDER,
                    "recipient", EventSearch.Order.RECIPIENT,
                    "job", EventSearch.Order.JOB);

    @EJB private EventSearch search;

    @Inject private ConsoleScope console;

    private String jobId;
    private String mailId;
    private String jobReference;
    private String reference;
    private String sender;
    private String recipient;
    private String type;
    private String subType;
    private LocalDateTime from;
    private LocalDateTime to;
    private String customerNo;
    private String fromParam;
    private String toParam;

    private SearchCriteria criteria = SearchCriteria.NONE;
    private Long scope;
    private boolean invalid;
    private long countMillis;
    private long pageMillis;
    private int matches;
    private String notice;

    private final Hits hits = new Hits();

    /** Runs the search of the URL's parameters when the page is opened. */
    public void open() {
        scope = console.customerScope();
        var fromOk = fromUrl("from", fromParam, time -> from = time);
        var toOk = fromUrl("to", toParam, time -> to = time);
        if (!fromOk || !toOk) {
            invalid = true;
            return;
        }
        search();
    }

    /** Reads a time of the URL; a bad one is named beside its field and nothing is searched. */
    private boolean fromUrl(
            String field, String text, java.util.function.Consumer<LocalDateTime> target) {
        try {
            target.accept(UrlTime.parse(text));
            return true;
        } catch (IllegalArgumentException e) {
            FacesContext.getCurrentInstance()
                    .addMessage(
                            "search:" + field,
                            new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return false;
        }
    }

    /** Runs the search of the form; the table starts again at its first page. */
    public void search() {
        var asked =
                new SearchCriteria(
                        jobId,
                        mailId,
                        jobReference,
                        reference,
                        sender,
                        recipient,
                        type,
                        subType,
                        instant(from),
                        instant(to),
                        console.isAdministrator() ? customerNo : null);
        var violations = asked.violations();
        var faces = FacesContext.getCurrentInstance();
        for (var violation : violations) {
            faces.addMessage(
                    "search:" + violation.field(),
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, violation.message(), null));
        }
        invalid = !violations.isEmpty();
        if (invalid) {
            faces.validationFailed();
            matches = 0;
            return;
        }
        criteria = asked;
        countMatches();
    }

    /**
     * Counts once per search, before the page renders its summary above the table; turning pages
     * and sorting reuse the count (a new search counts again).
     */
    private void countMatches() {
        var started = System.nanoTime();
        matches = search.count(scope, criteria);
        countMillis = (System.nanoTime() - started) / 1_000_000;
    }

    /** Empties the form and shows the newest events again. */
    public void clear() {
        jobId = mailId = jobReference = reference = sender = recipient = type = subType = null;
        customerNo = null;
        from = to = null;
        invalid = false;
        criteria = SearchCriteria.NONE;
        countMatches();
    }

    public LazyDataModel<EventHit> getHits() {
        return hits;
    }

    /** "1,234 events", or "more than 10,000 events" where counting stopped. */
    public String getCountText() {
        var count = matches;
        if (count > EventSearch.COUNT_LIMIT) {
            return "more than %,d events".formatted(EventSearch.COUNT_LIMIT);
        }
        return "%,d %s".formatted(count, count == 1 ? "event" : "events");
    }

    /** Why the table is not in the order asked for, if it is not. */
    public String getNotice() {
        return notice;
    }

    /** How long the database took: counting at the last search, reading the page shown. */
    public String getTiming() {
        return "counted in %d ms, page read in %d ms".formatted(countMillis, pageMillis);
    }

    public String getSummary() {
        return criteria.isEmpty() ? "newest first, no filter" : criteria.describe();
    }

    /** This very search as a URL to bookmark or hand on. */
    public String getLink() {
        var parameters = new LinkedHashMap<String, String>();
        put(parameters, "job", criteria.jobId());
        put(parameters, "mail", criteria.mailId());
        put(parameters, "jobReference", criteria.jobReference());
        put(parameters, "reference", criteria.reference());
        put(parameters, "sender", criteria.sender());
        put(parameters, "recipient", criteria.recipient());
        put(parameters, "type", criteria.type());
        put(parameters, "subType", criteria.subType());
        put(parameters, "from", criteria.from() == null ? null : criteria.from().toString());
        put(parameters, "to", criteria.to() == null ? null : criteria.to().toString());
        put(parameters, "customer", criteria.customerNo());
        var query =
                parameters.entrySet().stream()
                        .map(
                                e ->
                                        e.getKey()
                                                + "="
                                                + URLEncoder.encode(
                                                        e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
        var base =
                FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath()
                        + "/console/search.xhtml";
        return query.isEmpty() ? base : base + "?" + query;
    }

    public List<String> getTypes() {
        return SearchCriteria.TYPES;
    }

    public List<String> getSubTypes() {
        return SearchCriteria.SUB_TYPES;
    }

    public String format(Instant instant) {
        return Timestamps.format(instant);
    }

    private static void put(Map<String, String> parameters, String name, String value) {
        if (value != null) {
            parameters.put(name, value);
        }
    }

    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.truncatedTo(ChronoUnit.SECONDS).toInstant(ZoneOffset.UTC);
    }

    /** The order of the table and, when the one asked for is refused, why. */
    private record Ordering(EventSearch.Order order, boolean ascending, String notice) {}

    /**
     * Only newest first is read straight off an index; any other order sorts every match, so it is
     * offered once the search is narrow enough to sort quickly.
     */
    private Ordering order(Map<String, SortMeta> sortBy) {
        // the map holds every sortable column; the one sorted by is not UNSORTED
        var sort =
                sortBy.values().stream()
                        .filter(meta -> meta.getOrder() != null && !meta.getOrder().isUnsorted())
                        .findFirst();
        if (sort.isEmpty()) {
            return new Ordering(EventSearch.Order.TIME, false, null);
        }
        var order = ORDERS.getOrDefault(sort.get().getField(), EventSearch.Order.TIME);
        var ascending = sort.get().getOrder().isAscending();
        if ((order != EventSearch.Order.TIME || ascending) && matches > EventSearch.COUNT_LIMIT) {
            return new Ordering(
                    EventSearch.Order.TIME,
                    false,
                    "Shown newest first: other orders need a search of at most %,d events."
                            .formatted(EventSearch.COUNT_LIMIT));
        }
        return new Ordering(order, ascending, null);
    }

    /** Says at once, before the table renders, whether the order asked for is refused. */
    public void sorted(SortEvent event) {
        notice = order(event.getSortBy()).notice();
    }

    /** The table's rows: counted once per search or page change, read one page at a time. */
    private final class Hits extends LazyDataModel<EventHit> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return invalid ? 0 : matches;
        }

        @Override
        public List<EventHit> load(
                int first,
                int pageSize,
                Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            if (invalid) {
                return List.of();
            }
            var ordered = order(sortBy);
            notice = ordered.notice();
            var order = ordered.order();
            var ascending = ordered.ascending();
            var started = System.nanoTime();
            var page = search.page(scope, criteria, first, pageSize, order, ascending);
            pageMillis = (System.nanoTime() - started) / 1_000_000;
            var lastMillis = countMillis + pageMillis;
            // a slow search is worth a support engineer's look: it names a filter without index
            LOG.log(
                    lastMillis >= SLOW_MILLIS ? Level.INFO : Level.FINE,
                    "Live Search by {0} [{1}] rows {2}-{3} by {4}: {5} ms",
                    new Object[] {
                        console.getUser(),
                        getSummary(),
                        first,
                        first + page.size(),
                        order,
                        lastMillis
                    });
            return page;
        }

        @Override
        public String getRowKey(EventHit hit) {
            return Long.toString(hit.eventId());
        }

        @Override
        public EventHit getRowData(String rowKey) {
            return getWrappedData().stream()
                    .filter(hit -> getRowKey(hit).equals(rowKey))
                    .findFirst()
                    .orElse(null);
        }
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }

    public String getMailId() {
        return mailId;
    }

    public void setMailId(String mailId) {
        this.mailId = mailId;
    }

    public String getJobReference() {
        return jobReference;
    }

    public void setJobReference(String jobReference) {
        this.jobReference = jobReference;
    }

    public String getReference() {
        return reference;
    }

    public void setReference(String reference) {
        this.reference = reference;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getSubType() {
        return subType;
    }

    public void setSubType(String subType) {
        this.subType = subType;
    }

    public LocalDateTime getFrom() {
        return from;
    }

    public void setFrom(LocalDateTime from) {
        this.from = from;
    }

    public LocalDateTime getTo() {
        return to;
    }

    public void setTo(LocalDateTime to) {
        this.to = to;
    }

    public String getFromParam() {
        return fromParam;
    }

    public void setFromParam(String fromParam) {
        this.fromParam = fromParam;
    }

    public String getToParam() {
        return toParam;
    }

    public void setToParam(String toParam) {
        this.toParam = toParam;
    }

    public String getCustomerNo() {
        return customerNo;
    }

    public void setCustomerNo(String customerNo) {
        this.customerNo = customerNo;
    }
}
