package org.signet.web.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/** Page messages and the 404 and 403 answers of the console's beans. */
public final class Messages {

    private Messages() {}

    public static void info(String text) {
        add(null, FacesMessage.SEVERITY_INFO, text);
    }

    public static void error(String clientId, String text) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text);
    }

    /** Ends the request with an error status; the page is not rendered. */
    public static void answer(int status, String reason) {
        var faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(status, reason);
        } catch (IOException e) {
            throw new IllegalStateException("cannot answer " + status, e);
        }
        faces.responseComplete();
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance()
                .addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
