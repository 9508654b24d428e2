package org.signet.web.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.signet.platform.HealthCheck;

/**
 * Readiness: 200 {@code {"status":"UP"}} once the database and the broker answer, 503 otherwise.
 * Open without sign-in so that start scripts and load balancers can poll it; it reveals nothing but
 * which of the two is down.
 */
@Path("v1/health")
public class HealthResource {

    @EJB private HealthCheck healthCheck;

    public record Health(String status, String database, String broker) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        var health = healthCheck.check();
        var body =
                new Health(
                        health.up() ? "UP" : "DOWN",
                        health.database() ? "UP" : "DOWN",
                        health.broker() ? "UP" : "DOWN");
        var status = health.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE;
        return Response.status(status).entity(body).build();
    }
}
