package io.contactdetails.command.infrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactdetails.kernel.api.ApiError;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

import java.io.IOException;

/** Writes an error body from a filter, where no controller advice reaches. */
final class JsonResponses {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {
    }

    static void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        MAPPER.writeValue(response.getOutputStream(), error);
    }
}
