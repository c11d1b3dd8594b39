package io.contactdetails.http.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

import java.io.IOException;

/** Writes an error body from a filter, where no controller advice reaches. */
public final class JsonResponses {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonResponses() {
    }

    public static void write(HttpServletResponse response, int status, ApiError error) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        MAPPER.writeValue(response.getOutputStream(), error);
    }
}
