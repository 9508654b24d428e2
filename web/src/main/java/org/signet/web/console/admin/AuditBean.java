package org.signet.web.console.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.signet.audit.AuditEntry;
import org.signet.audit.AuditTrail;
import org.signet.tracking.Timestamps;

/** The audit trail for administrators, newest change first, one page at a time. */
@Named
@ViewScoped
public class AuditBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB private AuditTrail audit;

    private final Entries entries = new Entries();

    public LazyDataModel<AuditEntry> getEntries() {
        return entries;
    }

    public String format(java.time.Instant instant) {
        return Timestamps.format(instant);
    }

    private final class Entries extends LazyDataModel<AuditEntry> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return audit.count();
        }

        @Override
        public List<AuditEntry> load(
                int first,
                int pageSize,
                Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            return audit.newest(first, pageSize);
        }

        @Override
        public String getRowKey(AuditEntry entry) {
            return Long.toString(entry.getId());
        }

        @Override
        public AuditEntry getRowData(String rowKey) {
            return getWrappedData().stream()
                    .filter(entry -> getRowKey(entry).equals(rowKey))
                    .findFirst()
                    .orElse(null);
        }
    }
}
