package org.signet.web.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Signet's REST API lives under {@code /signet/rest}; version 1 under {@code /rest/v1}. */
@ApplicationPath("rest")
public class RestApplication extends Application {}
