package io.contactdetails.http.request;

import io.contactdetails.http.error.ApiError;
import io.contactdetails.http.error.JsonResponses;
import io.contactdetails.kernel.EventMetaData;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Runs before security: echoes the request id on every response (and puts it on every log line written while
 * the request runs), refuses a client address that is not an IP address (rather than record it), and refuses
 * bodies over 64 KiB, by their declared length up front or, for chunked bodies, as soon as the limit is crossed
 * while reading.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestLimitsFilter extends OncePerRequestFilter {
    public static final int MAX_BODY_BYTES = 64 * 1024;

    /** Thrown while reading a body that outgrew the limit; ApiErrors answers it with 413. */
    public static class PayloadTooLarge extends IOException {
        PayloadTooLarge() {
            super("Request body larger than " + MAX_BODY_BYTES + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestOrigin.of(request).requestId();
        response.setHeader(RequestId.HEADER, requestId);
        // a pooled thread serves the next request: what this one put on its log lines leaves with it
        try (MDC.MDCCloseable logged = MDC.putCloseable(EventMetaData.REQUEST_ID, requestId)) {
            if (!RequestOrigin.hasIpClientAddress(request)) {
                JsonResponses.write(response, 400, ApiError.message("The client address is not an IP address."));
                return;
            }
            if (request.getContentLengthLong() > MAX_BODY_BYTES) {
                JsonResponses.write(response, 413, ApiError.message("The request body is too large."));
                return;
            }
            chain.doFilter(new LimitedRequest(request), response);
        }
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedInputStream(super.getInputStream());
            }
            return limited;
        }
    }

    private static final class LimitedInputStream extends ServletInputStream {
        private final ServletInputStream delegate;
        private long read;

        LimitedInputStream(ServletInputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLarge {
            read += n;
            if (read > MAX_BODY_BYTES) {
                throw new PayloadTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
