import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console's Live Search on a large history. {@code fill} writes months of tracking events
 * straight into a Signet database over JDBC: 20 customers with two technical accounts each, jobs
 * of one to five mails and for each mail the event sequence the pipeline records (signed or not,
 * delivered at once or after deferrals, bounced, dropped). {@code time} signs in to the console as
 * a browser does and times the search page for a few typical filters. Needs a JDK and, for
 * {@code fill}, the JDBC driver of the database:
 *
 * <pre>
 * java -cp h2.jar bench/LiveSearchLoad.java fill jdbc:h2:tcp://127.0.0.1:9092/signet signet \
 *     PASSWORD [events=1000000]
 * java bench/LiveSearchLoad.java time http://localhost:8080/signet admin PASSWORD \
 *     [target/live-search-sample.properties] [repeats=20]
 * </pre>
 *
 * {@code fill} ends by printing values worth searching for (a busy sender, a job, a reference, a
 * customer) and writes them to the file named by {@code -Dsample=} (default {@code
 * target/live-search-sample.properties}), which {@code time} reads. Fill while Signet is stopped
 * or idle: the rows bypass the application, and the sequences are moved past the ids they take.
 * The database must be one that Signet has migrated: start Signet on it once first.
 */
public class LiveSearchLoad {

    private static final String USAGE =
            "usage: java -cp JDBC_JAR [-Dsample=FILE] bench/LiveSearchLoad.java"
                    + " fill JDBC_URL USER PASSWORD [events=1000000]"
                    + "\n       java [-Dsample=FILE] bench/LiveSearchLoad.java"
                    + " time BASE_URL ADMIN_USER ADMIN_PASSWORD [SAMPLE_FILE] [repeats=20]";

    private static final String DEFAULT_SAMPLE = "target/live-search-sample.properties";

    public static void main(String[] args) throws Exception {
        var mode = args.length > 0 ? args[0] : "";
        if (mode.equals("fill") && args.length >= 4) {
            var events = args.length > 4 ? Long.parseLong(args[4]) : 1_000_000;
            try (var db = connect(args[1], args[2], args[3])) {
                new History(db, events).fill();
            }
        } else if (mode.equals("time") && args.length >= 4) {
            var sample = Path.of(args.length > 4 ? args[4] : sampleFile());
            int repeats = args.length > 5 ? Integer.parseInt(args[5]) : 20;
            new SearchTimer(args[1], args[2], args[3], sample, repeats).run();
        } else {
            System.err.println(USAGE);
            System.exit(2);
        }
    }

    private static String sampleFile() {
        return System.getProperty("sample", DEFAULT_SAMPLE);
    }

    /**
     * A connection without auto-commit. PostgreSQL's driver is asked to send each batch as
     * multi-row INSERTs, several times faster than one statement per row.
     */
    private static Connection connect(String url, String user, String password)
            throws SQLException {
        var properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        if (url.startsWith("jdbc:postgresql:")) {
            properties.setProperty("reWriteBatchedInserts", "true");
        }
        var db = DriverManager.getConnection(url, properties);
        db.setAutoCommit(false);
        return db;
    }

    // ------------------------------------------------------------------------------------ fill

    /** The tracking vocabulary, column for column as the application writes it. */
    enum Kind {
        PROCESSING_STARTED("PROCESS", "INITIAL", "STARTED", "PROCESSING_STARTED"),
        SIGNED("PROCESS", "INTERMEDIATE", "SMIME_SIGNING", "OK"),
        PROCESSING_FINISHED("PROCESS", "INTERMEDIATE", "PROCESSED", "PROCESSING_FINISHED"),
        PROCESSING_FAILED("PROCESS", "FINISHED", "DROPPED", "PROCESSING_FAILED"),
        DELIVERED("DELIVER", "FINISHED", "DELIVERED", "OK"),
        DEFERRED("DELIVER", "INTERMEDIATE", "DEFERRED", "SOFT_BOUNCE"),
        SOFT_BOUNCED("DELIVER", "FINISHED", "BOUNCED", "SOFT_BOUNCE"),
        HARD_BOUNCED("DELIVER", "FINISHED", "BOUNCED", "HARD_BOUNCE");

        final String phase;
        final String state;
        final String type;
        final String subType;

        Kind(String phase, String state, String type, String subType) {
            this.phase = phase;
            this.state = state;
            this.type = type;
            this.subType = subType;
        }
    }

    /** One bench customer as stored: its id, number, mail domain and two technical accounts. */
    record Customer(long id, String number, String domain, Account[] accounts) {}

    /** A technical account and whether its jobs are signed when they do not say. */
    record Account(String id, boolean signingActive, boolean signingDefault) {}

    /** What every event of a mail repeats: the mail, its job and the customer. */
    record MailOfJob(String mailId, String jobId, long customerId, String sender) {}

    /**
     * A generated history. Jobs are written in the order they were received, so that ids grow
     * with time as in a real database; each job lands at the point of the 90 days that the events
     * written so far have reached, which spreads the events evenly over the period.
     */
    static final class History {

        private static final int CUSTOMERS = 20;
        private static final int SENDERS_PER_CUSTOMER = 20;
        private static final int RECIPIENTS = 400_000;
        private static final int FREQUENT_RECIPIENTS = 2_000;
        private static final int BATCH = 1_000;
        private static final int COMMIT_ROWS = 10_000;
        private static final int REPORT_EVENTS = 100_000;
        /** The most events one mail gets: started, signed, processed, 8 deferrals, bounced. */
        private static final int MOST_EVENTS_PER_MAIL = 12;

        private static final long[] RETRY_DELAYS = {
            60_000, 300_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000
        };
        private static final String[] RECIPIENT_DOMAINS = {
            "example.com", "example.org", "example.net", "mail.example", "post.example"
        };
        private static final String GREYLISTED =
                "451 4.7.1 Greylisted, please try again later";

        private final Connection db;
        private final long target;
        private final SplittableRandom random = new SplittableRandom();
        private final long end = Instant.now().minus(15, ChronoUnit.MINUTES).toEpochMilli();
        private final long start = end - Duration.ofDays(90).toMillis();

        private final List<Customer> customers = new ArrayList<>();
        private PreparedStatement jobInsert;
        private PreparedStatement mailInsert;
        private PreparedStatement eventInsert;
        private int pendingJobs;
        private int pendingMails;
        private int pendingEvents;
        private int uncommitted;

        private long nextEventId;
        private long reservedUpTo;
        private long lastEventId;
        private long jobs;
        private long mails;
        private long events;
        private long orderNumber;
        private long messageReference;

        private final long[] eventsOfCustomer = new long[CUSTOMERS];
        private final long[][] mailsOfSender = new long[CUSTOMERS][SENDERS_PER_CUSTOMER];
        private final long[] mailsOfRecipient = new long[FREQUENT_RECIPIENTS];
        private String sampleJob;
        private String sampleJobReference;
        private String sampleMailReference;

        History(Connection db, long target) {
            this.db = db;
            this.target = target;
        }

        void fill() throws Exception {
            var started = System.nanoTime();
            customers();
            // the last job starts below the target and adds at most five mails
            long most = target + 5L * MOST_EVENTS_PER_MAIL;
            nextEventId = reserve("tracking_event_seq", "tracking_event", most);
            lastEventId = nextEventId - 1;
            reservedUpTo = nextEventId + most - 1;
            jobInsert =
                    db.prepareStatement(
                            "INSERT INTO job (id, customer_id, account_id, received_at,"
                                    + " reference_job, signing, request_json, channel)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, 'REST')");
            mailInsert =
                    db.prepareStatement(
                            "INSERT INTO mail (id, job_id, position, email, envelope_from,"
                                    + " message_id, signing, envelope_to, delivery_attempt,"
                                    + " reference, search_recipient)"
                                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)");
            eventInsert =
                    db.prepareStatement(
                            "INSERT INTO tracking_event (id, mail_id, job_id, customer_id, phase,"
                                    + " state, type, sub_type, description, occurred_at,"
                                    + " search_sender) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            long reported = 0;
            while (events < target) {
                job();
                if (pendingEvents >= BATCH || pendingMails >= BATCH || pendingJobs >= BATCH) {
                    flush();
                }
                if (events / REPORT_EVENTS > reported) {
                    reported = events / REPORT_EVENTS;
                    var seconds = (System.nanoTime() - started) / 1e9;
                    System.out.printf(
                            "%,11d events, %,9d mails, %,9d jobs  %6.1f s  %,8.0f events/s%n",
                            events, mails, jobs, seconds, events / seconds);
                }
            }
            flush();
            db.commit();
            afterLastEvent();
            var seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(
                    "filled %,d events of %,d mails in %,d jobs (%d customers) in %.1f s:"
                            + " %,.0f events/s%n",
                    events, mails, jobs, customers.size(), seconds, events / seconds);
            sample();
        }

        /** The bench customers and their accounts, made when missing and reused otherwise. */
        private void customers() throws SQLException {
            var ids = new long[CUSTOMERS];
            int missing = 0;
            for (int c = 0; c < CUSTOMERS; c++) {
                ids[c] = existingCustomer(customerNumber(c));
                missing += ids[c] < 0 ? 1 : 0;
            }
            long nextId = missing > 0 ? reserve("customer_seq", "customer", missing) : 0;
            var created = timestamp(start - Duration.ofDays(30).toMillis());
            try (var customer =
                            db.prepareStatement(
                                    "INSERT INTO customer (id, customer_no, name,"
                                            + " self_service_pki, created_at, version)"
                                            + " VALUES (?, ?, ?, FALSE, ?, 1)");
                    var account =
                            db.prepareStatement(
                                    "INSERT INTO technical_account (id, customer_id, status,"
                                            + " password_hash, signing_active,"
                                            + " signing_default_active, created_at, version,"
                                            + " failed_sign_ins)"
                                            + " VALUES (?, ?, 'ACTIVE', ?, ?, ?, ?, 1, 0)")) {
                for (int c = 0; c < CUSTOMERS; c++) {
                    var number = customerNumber(c);
                    if (ids[c] < 0) {
                        ids[c] = nextId++;
                        customer.setLong(1, ids[c]);
                        customer.setString(2, number);
                        customer.setString(3, String.format("Bench Customer %02d", c + 1));
                        customer.setObject(4, created);
                        customer.executeUpdate();
                    }
                    // every customer's shop signs by default; half the CRMs may sign on request
                    var accounts =
                            new Account[] {
                                new Account(number + "-shop", true, true),
                                new Account(number + "-crm", c % 2 == 0, false)
                            };
                    for (var a : accounts) {
                        if (!accountExists(a.id())) {
                            account.setString(1, a.id());
                            account.setLong(2, ids[c]);
                            account.setString(3, unusablePasswordHash());
                            account.setBoolean(4, a.signingActive());
                            account.setBoolean(5, a.signingDefault());
                            account.setObject(6, created);
                            account.executeUpdate();
                        }
                    }
                    var domain = String.format("c%02d.bench.example", c + 1);
                    customers.add(new Customer(ids[c], number, domain, accounts));
                }
            }
            db.commit();
            System.out.printf("%d customers, %d new%n", CUSTOMERS, missing);
        }

        private static String customerNumber(int c) {
            return String.format("bench-c%02d", c + 1);
        }

        private long existingCustomer(String number) throws SQLException {
            try (var query = db.prepareStatement("SELECT id FROM customer WHERE customer_no = ?")) {
                query.setString(1, number);
                try (var rows = query.executeQuery()) {
                    return rows.next() ? rows.getLong(1) : -1;
                }
            }
        }

        private boolean accountExists(String id) throws SQLException {
            try (var query = db.prepareStatement("SELECT 1 FROM technical_account WHERE id = ?")) {
                query.setString(1, id);
                try (var rows = query.executeQuery()) {
                    return rows.next();
                }
            }
        }

        /**
         * A hash in the application's PBKDF2 form whose salt and hash are random bytes: no
         * password signs in to a bench account.
         */
        private String unusablePasswordHash() {
            var encoder = Base64.getEncoder().withoutPadding();
            var salt = new byte[16];
            var hash = new byte[32];
            random.nextBytes(salt);
            random.nextBytes(hash);
            return "pbkdf2-sha256$210000$"
                    + encoder.encodeToString(salt)
                    + "$"
                    + encoder.encodeToString(hash);
        }

        /**
         * The first of {@code count} ids above both the sequence and the table's largest id; the
         * sequence is moved past them at once, so that a server allocating meanwhile cannot take
         * them. The application preallocates 50 ids and treats the value it receives as the last
         * of its block, hence a multiple of 50 at least 50 above the last reserved id.
         */
        private long reserve(String sequence, String table, long count) throws SQLException {
            long first;
            try (var statement = db.createStatement()) {
                long current;
                try (var rows = statement.executeQuery(nextValue(sequence))) {
                    rows.next();
                    current = rows.getLong(1);
                }
                try (var rows = statement.executeQuery("SELECT MAX(id) FROM " + table)) {
                    rows.next();
                    current = Math.max(current, rows.getLong(1));
                }
                first = current + 1;
                restart(sequence, first + count - 1);
            }
            db.commit();
            return first;
        }

        private String nextValue(String sequence) throws SQLException {
            var product = db.getMetaData().getDatabaseProductName();
            return product.toLowerCase(Locale.ROOT).contains("postgres")
                    ? "SELECT nextval('" + sequence + "')"
                    : "SELECT NEXT VALUE FOR " + sequence;
        }

        private void restart(String sequence, long lastUsed) throws SQLException {
            long next = (lastUsed / 50 + 2) * 50;
            try (var statement = db.createStatement()) {
                statement.execute("ALTER SEQUENCE " + sequence + " RESTART WITH " + next);
            }
        }

        /**
         * Leaves the sequence past the last event id. It stands there since the reservation, which
         * covered the most events the last job can add, so it is moved only if that ever failed;
         * moving it back down could hand ids to the server that it had already used meanwhile.
         */
        private void afterLastEvent() throws SQLException {
            if (lastEventId > reservedUpTo) {
                restart("tracking_event_seq", lastEventId);
                db.commit();
            }
        }

        /** One accepted job: a sender of one customer, one to five recipients, their events. */
        private void job() throws SQLException {
            int c = (int) (CUSTOMERS * Math.pow(random.nextDouble(), 1.6));
            var customer = customers.get(c);
            var account = customer.accounts()[random.nextDouble() < 0.7 ? 0 : 1];
            boolean sign =
                    account.signingDefault()
                            ? random.nextDouble() < 0.95
                            : account.signingActive() && random.nextDouble() < 0.3;
            var signing = sign ? "SIGN" : "NO_SIGN";
            int s = (int) (SENDERS_PER_CUSTOMER * Math.pow(random.nextDouble(), 3));
            var sender = String.format("sender%03d@%s", s, customer.domain());
            double m = random.nextDouble();
            int count = m < 0.5 ? 1 : m < 0.7 ? 2 : m < 0.82 ? 3 : m < 0.92 ? 4 : 5;
            long received =
                    start + (long) ((end - start) * (double) events / target)
                            + random.nextLong(60_000);
            var reference = jobReference(customer, received);

            var jobId = UUID.randomUUID().toString();
            var recipients = new String[count];
            var references = new String[count];
            for (int p = 0; p < count; p++) {
                recipients[p] = recipient();
                if (random.nextDouble() < 0.3) {
                    references[p] = String.format("msg-%08d", ++messageReference);
                    sampleMailReference = references[p];
                }
            }
            jobInsert.setString(1, jobId);
            jobInsert.setLong(2, customer.id());
            jobInsert.setString(3, account.id());
            jobInsert.setObject(4, timestamp(received));
            jobInsert.setString(5, reference);
            jobInsert.setString(6, signing);
            jobInsert.setString(7, requestJson(sender, recipients, references, reference, sign));
            jobInsert.addBatch();
            pendingJobs++;
            jobs++;
            if (count == 5) {
                sampleJob = jobId;
            }
            if (reference != null && reference.startsWith("newsletter-")) {
                sampleJobReference = reference;
            }

            long before = events;
            for (int p = 0; p < count; p++) {
                var mailId = UUID.randomUUID().toString();
                var email = recipients[p];
                mailInsert.setString(1, mailId);
                mailInsert.setString(2, jobId);
                mailInsert.setInt(3, p);
                mailInsert.setString(4, email);
                mailInsert.setString(5, sender);
                mailInsert.setString(6, "<" + mailId + "@" + customer.domain() + ">");
                mailInsert.setString(7, signing);
                mailInsert.setString(8, email);
                mailInsert.setString(9, references[p]);
                mailInsert.setString(10, email.toLowerCase(Locale.ROOT));
                mailInsert.addBatch();
                pendingMails++;
                mails++;
                mailsOfSender[c][s]++;
                mailEvents(mailId, jobId, customer, sender, email, sign, received + p * 40L);
            }
            eventsOfCustomer[c] += events - before;
        }

        /** A unique order number for a quarter of the jobs, a weekly newsletter for some more. */
        private String jobReference(Customer customer, long received) {
            double r = random.nextDouble();
            if (r < 0.25) {
                return String.format("order-%07d", ++orderNumber);
            }
            if (r < 0.40) {
                var day = LocalDateTime.ofEpochSecond(received / 1000, 0, ZoneOffset.UTC);
                return String.format(
                        "newsletter-%s-%d-w%02d",
                        customer.domain().substring(0, 3),
                        day.get(IsoFields.WEEK_BASED_YEAR),
                        day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            }
            return null;
        }

        /**
         * A recipient: one in seven mails goes to a small set of frequent recipients, the rest
         * spread over many addresses; every eighth address is written with capitals.
         */
        private String recipient() {
            int k;
            if (random.nextDouble() < 1.0 / 7) {
                k = random.nextInt(FREQUENT_RECIPIENTS);
                mailsOfRecipient[k]++;
            } else {
                k = random.nextInt(RECIPIENTS);
            }
            var domain = RECIPIENT_DOMAINS[k % RECIPIENT_DOMAINS.length];
            return k % 8 == 0
                    ? String.format("Person%06d@%s", k, domain.toUpperCase(Locale.ROOT))
                    : String.format("person%06d@%s", k, domain);
        }

        private static String requestJson(
                String sender, String[] to, String[] references, String reference, boolean sign) {
            var json = new StringBuilder(160 + to.length * 80);
            json.append("{\"subject\": {\"content\": \"Your order\"}, \"body\": {\"contentType\":")
                    .append(" \"text/plain\", \"content\": \"Thank you for your order.\"},")
                    .append(" \"recipients\": [");
            for (int i = 0; i < to.length; i++) {
                json.append(i == 0 ? "" : ", ")
                        .append("{\"mail\": {\"to\": [{\"email\": \"")
                        .append(to[i])
                        .append("\"}]}");
                if (references[i] != null) {
                    json.append(", \"reference\": \"").append(references[i]).append('"');
                }
                json.append('}');
            }
            json.append("], \"mail\": {\"from\": {\"email\": \"")
                    .append(sender)
                    .append("\"}}, \"job\": {");
            if (reference != null) {
                json.append("\"referenceJob\": \"").append(reference).append("\", ");
            }
            return json.append("\"features\": {\"messageSigning\": {\"active\": ")
                    .append(sign)
                    .append("}}}}")
                    .toString();
        }

        /**
         * The events of one mail as the pipeline records them, a second or so apart; deferred
         * deliveries follow the default retry delays. Every mail ends in a final event, so no
         * bench mail is left for the pipeline to pick up.
         */
        private void mailEvents(
                String mailId,
                String jobId,
                Customer customer,
                String sender,
                String email,
                boolean sign,
                long received)
                throws SQLException {
            var mail =
                    new MailOfJob(mailId, jobId, customer.id(), sender.toLowerCase(Locale.ROOT));
            long t = received + 150 + random.nextLong(1_500);
            event(mail, Kind.PROCESSING_STARTED, null, t);
            double fate = random.nextDouble();
            if (sign && fate < 0.015) {
                var text = "signature with given key identifier (" + sender + ") failed";
                event(mail, Kind.PROCESSING_FAILED, text, t + 50 + random.nextLong(400));
                return;
            }
            if (!sign && fate < 0.002) {
                var text = "processing failed after 5 attempts";
                event(mail, Kind.PROCESSING_FAILED, text, t + 2_000 + random.nextLong(8_000));
                return;
            }
            if (sign) {
                t += 200 + random.nextLong(1_000);
                event(mail, Kind.SIGNED, "The mail was signed successfully.", t);
            }
            t += 50 + random.nextLong(300);
            event(mail, Kind.PROCESSING_FINISHED, null, t);
            t += 300 + random.nextLong(4_000);

            double delivery = random.nextDouble();
            if (delivery < 0.02) {
                var text = "550 5.1.1 <" + email + ">: Recipient address rejected: User unknown";
                event(mail, Kind.HARD_BOUNCED, text, t);
                return;
            }
            // a chain that would end after now is left out: the mail is delivered at once
            if (delivery < 0.07) {
                boolean givesUp = delivery < 0.023;
                int deferrals = givesUp ? RETRY_DELAYS.length : 1 + random.nextInt(3);
                long chain = 0;
                for (int i = 0; i < deferrals; i++) {
                    chain += RETRY_DELAYS[i] + 2_000;
                }
                if (t + chain < end + Duration.ofMinutes(10).toMillis()) {
                    for (int i = 0; i < deferrals; i++) {
                        event(mail, Kind.DEFERRED, GREYLISTED, t);
                        t += RETRY_DELAYS[i] + random.nextLong(2_000);
                    }
                    if (givesUp) {
                        var text =
                                "given up after " + (deferrals + 1) + " attempts; last: "
                                        + GREYLISTED;
                        event(mail, Kind.SOFT_BOUNCED, text, t);
                        return;
                    }
                }
            }
            var queued = Long.toHexString(random.nextLong()).toUpperCase(Locale.ROOT);
            event(mail, Kind.DELIVERED, "250 2.0.0 Ok: queued as " + queued, t);
        }

        private void event(MailOfJob mail, Kind kind, String description, long at)
                throws SQLException {
            lastEventId = nextEventId++;
            eventInsert.setLong(1, lastEventId);
            eventInsert.setString(2, mail.mailId());
            eventInsert.setString(3, mail.jobId());
            eventInsert.setLong(4, mail.customerId());
            eventInsert.setString(5, kind.phase);
            eventInsert.setString(6, kind.state);
            eventInsert.setString(7, kind.type);
            eventInsert.setString(8, kind.subType);
            eventInsert.setString(9, description);
            eventInsert.setObject(10, timestamp(at));
            eventInsert.setString(11, mail.sender());
            eventInsert.addBatch();
            pendingEvents++;
            events++;
        }

        /** Parents before children, so that the foreign keys hold at every statement. */
        private void flush() throws SQLException {
            if (pendingJobs > 0) {
                jobInsert.executeBatch();
            }
            if (pendingMails > 0) {
                mailInsert.executeBatch();
            }
            if (pendingEvents > 0) {
                eventInsert.executeBatch();
            }
            uncommitted += pendingJobs + pendingMails + pendingEvents;
            pendingJobs = pendingMails = pendingEvents = 0;
            if (uncommitted >= COMMIT_ROWS) {
                db.commit();
                uncommitted = 0;
            }
        }

        /**
         * TIMESTAMP columns hold UTC wall-clock time, as the application reads them. A
         * LocalDateTime is written as it is by both drivers, whatever the JVM's time zone; a
         * java.sql.Timestamp would pass through the default zone and shift in its DST gaps.
         */
        private static LocalDateTime timestamp(long epochMilli) {
            return LocalDateTime.ofEpochSecond(
                    Math.floorDiv(epochMilli, 1000),
                    (int) Math.floorMod(epochMilli, 1000) * 1_000_000,
                    ZoneOffset.UTC);
        }

        /** Prints and stores the values that make the searches of {@code time} meaningful. */
        private void sample() throws IOException {
            int busiest = 0;
            for (int c = 1; c < CUSTOMERS; c++) {
                busiest = eventsOfCustomer[c] > eventsOfCustomer[busiest] ? c : busiest;
            }
            int senderCustomer = 0;
            int sender = 0;
            for (int c = 0; c < CUSTOMERS; c++) {
                for (int s = 0; s < SENDERS_PER_CUSTOMER; s++) {
                    if (mailsOfSender[c][s] > mailsOfSender[senderCustomer][sender]) {
                        senderCustomer = c;
                        sender = s;
                    }
                }
            }
            int recipient = 0;
            for (int k = 1; k < FREQUENT_RECIPIENTS; k++) {
                recipient = mailsOfRecipient[k] > mailsOfRecipient[recipient] ? k : recipient;
            }
            var sample = new LinkedHashMap<String, String>();
            sample.put(
                    "sender",
                    String.format(
                            "sender%03d@%s", sender, customers.get(senderCustomer).domain()));
            sample.put(
                    "recipient",
                    String.format(
                                    "person%06d@%s",
                                    recipient,
                                    RECIPIENT_DOMAINS[recipient % RECIPIENT_DOMAINS.length])
                            .toLowerCase(Locale.ROOT));
            sample.put("job", sampleJob);
            sample.put("jobReference", sampleJobReference);
            sample.put("mailReference", sampleMailReference);
            sample.put("customer", customers.get(busiest).number());

            var properties = new Properties();
            System.out.println("values to search for:");
            for (var e : sample.entrySet()) {
                if (e.getValue() != null) {
                    properties.setProperty(e.getKey(), e.getValue());
                    System.out.printf("  %-14s %s%n", e.getKey(), e.getValue());
                }
            }
            properties.setProperty("events", Long.toString(events));
            properties.setProperty("mails", Long.toString(mails));
            properties.setProperty("jobs", Long.toString(jobs));
            var file = Path.of(sampleFile()).toAbsolutePath();
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(out, "Live Search sample of a bench history");
            }
            System.out.println("written to " + file);
        }
    }

    // ------------------------------------------------------------------------------------ time

    /**
     * Times GET /console/search.xhtml as a signed-in administrator: each query twice to warm up,
     * then a number of times measured; every answer must be the page with its result count. Each
     * request carries an upper time bound of its own, an hour ahead and one second later than the
     * one before, which matches every event: H2 answers a repeated identical query from its result
     * cache until the table changes, which on a live system it does all the time.
     */
    static final class SearchTimer {

        private static final Pattern VIEW_STATE =
                Pattern.compile(
                        "<input[^>]*name=\"jakarta\\.faces\\.ViewState\"[^>]*>",
                        Pattern.CASE_INSENSITIVE);
        private static final Pattern VALUE = Pattern.compile("value=\"([^\"]*)\"");
        private static final Pattern RESULT_COUNT =
                Pattern.compile(
                        "<(\\w+)[^>]*\\bid=\"result-count\"[^>]*>(.*?)</\\1>", Pattern.DOTALL);

        private final String base;
        private final String user;
        private final String password;
        private final Path sampleFile;
        private final int repeats;
        private final HttpClient http =
                HttpClient.newBuilder()
                        .cookieHandler(new CookieManager())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(Duration.ofSeconds(10))
                        .build();

        SearchTimer(String base, String user, String password, Path sampleFile, int repeats) {
            this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
            this.user = user;
            this.password = password;
            this.sampleFile = sampleFile;
            this.repeats = repeats;
        }

        void run() throws Exception {
            if (!Files.isRegularFile(sampleFile)) {
                throw new IllegalArgumentException(
                        "no sample file " + sampleFile + ": fill the database first");
            }
            var sample = new Properties();
            try (Reader in = Files.newBufferedReader(sampleFile, StandardCharsets.UTF_8)) {
                sample.load(in);
            }
            signIn();

            var now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            var queries = new LinkedHashMap<String, String>();
            queries.put("newest, all customers", "");
            queries.put("sender", query("sender", required(sample, "sender")));
            queries.put("job", query("job", required(sample, "job")));
            queries.put(
                    "delivered, last 7 days",
                    query("type", "DELIVERED")
                            + "&"
                            + query("subType", "OK")
                            + "&"
                            + query("from", now.minus(7, ChronoUnit.DAYS).toString()));
            queries.put(
                    "customer, dropped",
                    query("customer", required(sample, "customer"))
                            + "&"
                            + query("type", "DROPPED"));
            queries.put("job reference", query("jobReference", required(sample, "jobReference")));
            queries.put("recipient", query("recipient", required(sample, "recipient")));

            var until = now.plus(1, ChronoUnit.HOURS);
            long requests = 0;
            var started = System.nanoTime();
            var all = new ArrayList<Long>();
            String slowest = null;
            double slowestP95 = -1;
            System.out.printf(
                    "%-24s %-28s %8s %8s %8s %8s%n",
                    "query", "result", "min ms", "p50 ms", "p95 ms", "max ms");
            for (Map.Entry<String, String> q : queries.entrySet()) {
                var url = base + "/console/search.xhtml?" + q.getValue()
                        + (q.getValue().isEmpty() ? "" : "&");
                String count = null;
                for (int i = 0; i < 2; i++) {
                    count = search(url + query("to", until.plusSeconds(++requests).toString()));
                }
                var times = new ArrayList<Long>();
                for (int i = 0; i < repeats; i++) {
                    var bounded = url + query("to", until.plusSeconds(++requests).toString());
                    var t0 = System.nanoTime();
                    count = search(bounded);
                    times.add(System.nanoTime() - t0);
                }
                Collections.sort(times);
                all.addAll(times);
                var p95 = percentile(times, 0.95);
                if (p95 > slowestP95) {
                    slowestP95 = p95;
                    slowest = q.getKey();
                }
                System.out.printf(
                        "%-24s %-28s %8.1f %8.1f %8.1f %8.1f%n",
                        q.getKey(),
                        count,
                        times.get(0) / 1e6,
                        percentile(times, 0.50),
                        p95,
                        times.get(times.size() - 1) / 1e6);
            }
            var seconds = (System.nanoTime() - started) / 1e9;
            Collections.sort(all);
            System.out.printf(
                    "Live Search on %s (%s events): %d queries x %d in %.1f s, all requests"
                            + " p50 %.1f ms, p95 %.1f ms; slowest p95 %.1f ms (%s)%n",
                    base,
                    sample.getProperty("events", "?"),
                    queries.size(),
                    repeats,
                    seconds,
                    percentile(all, 0.50),
                    percentile(all, 0.95),
                    slowestP95,
                    slowest);
        }

        /** The login form as a browser submits it; a good sign-in answers with a redirect. */
        private void signIn() throws IOException, InterruptedException {
            var form = get(base + "/login.xhtml");
            if (form.statusCode() != 200) {
                fail("GET /login.xhtml answered " + form.statusCode(), form.body());
            }
            var input = VIEW_STATE.matcher(form.body());
            Matcher value;
            if (!input.find() || !(value = VALUE.matcher(input.group())).find()) {
                fail("the login page has no jakarta.faces.ViewState", form.body());
                return;
            }
            var fields = new LinkedHashMap<String, String>();
            fields.put("login", "login");
            fields.put("login:username", user);
            fields.put("login:password", password);
            fields.put("login:submit", "Sign in");
            fields.put("jakarta.faces.ViewState", unescape(value.group(1)));
            var body =
                    fields.entrySet().stream()
                            .map(e -> query(e.getKey(), e.getValue()))
                            .collect(Collectors.joining("&"));
            var request =
                    HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
            var answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 302) {
                fail(
                        "sign-in as " + user + " answered " + answer.statusCode()
                                + " instead of a redirect (wrong password?)",
                        answer.body());
            }
        }

        /** One search; answers the text of the result count. */
        private String search(String url) throws IOException, InterruptedException {
            var response = get(url);
            if (response.statusCode() != 200) {
                fail("GET " + url + " answered " + response.statusCode(), response.body());
            }
            var count = RESULT_COUNT.matcher(response.body());
            if (!count.find()) {
                fail("GET " + url + " has no element with id=\"result-count\"", response.body());
            }
            return unescape(count.group(2).replaceAll("<[^>]*>", ""))
                    .replaceAll("\\s+", " ")
                    .strip();
        }

        private HttpResponse<String> get(String url) throws IOException, InterruptedException {
            var request =
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(60))
                            .GET()
                            .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }

        private static String required(Properties sample, String key) {
            var value = sample.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("the sample file has no " + key);
            }
            return value;
        }

        private static String query(String name, String value) {
            return URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        private static String unescape(String html) {
            return html.replace("&nbsp;", " ")
                    .replace("&#160;", " ")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#43;", "+")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&");
        }

        private static void fail(String problem, String body) {
            System.err.println(problem);
            System.err.println(body.length() > 500 ? body.substring(0, 500) : body);
            System.exit(1);
        }

        private static double percentile(List<Long> sorted, double p) {
            int rank = (int) Math.ceil(p * sorted.size());
            return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1)) / 1e6;
        }
    }
}
