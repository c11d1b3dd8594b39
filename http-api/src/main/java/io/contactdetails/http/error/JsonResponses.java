package io.contactdetails.http.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/** Writes an error body where no controller advice reaches: from a filter, the firewall, or the container itself. */
public final class JsonResponses {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {
    }

    public static void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        MAPPER.writeValue(response.getOutputStream(), error);
    }

    static String json(ApiError error) {
        try {
            return MAPPER.writeValueAsString(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An ApiError is always writable", e);
        }
    }

    /**
     * Spring Security's firewall refuses a request (a {@code //}, a {@code ;}, a control character in a header)
     * by throwing; answered here at once, not through a second trip down the chain to /error with the same request.
     */
    public static RequestRejectedHandler firewallRefusalsAsJson() {
        return (request, response, e) -> write(response, HttpServletResponse.SC_BAD_REQUEST,
                ApiError.forStatus(HttpServletResponse.SC_BAD_REQUEST));
    }

    /**
     * Tomcat answers what it refuses before any servlet runs with its host's error report valve (an HTML page);
     * Spring Boot adds one of its own too. Both are replaced by {@link JsonErrorReportValve}, which the host
     * installs when it starts.
     */
    public static WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorsAsJson() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }
}
