package org.signet.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider of the application. {@code jakarta.json.Json}'s static methods look the
 * provider up with a ServiceLoader scan on every call; on Payara that scan was the largest single
 * cost of accepting a job (ADR 0012). The provider is thread-safe and found once here.
 */
public final class JsonSupport {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private JsonSupport() {}
}
