package io.contactdetails.http.request;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Sends a response that fits the container's buffer whole, with its Content-Length, in one write. Spring's message
 * converters flush the body they have written, and a flush commits the response: Tomcat then sent the headers and
 * the body as one chunk and the end of the chunked body in a second write, a second trip through the network stack
 * for every answer. Flushes of the body's stream are left out here, on error dispatches too; the container still
 * sends what outgrows its buffer as it goes, and the whole response when the request completes. The service
 * streams nothing. A body written through {@code getWriter()} (none of the service's) is flushed as before.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class WholeResponseFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new Unflushed(response));
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    private static final class Unflushed extends HttpServletResponseWrapper {
        Unflushed(HttpServletResponse response) {
            super(response);
        }

        /** Asked for anew each time, so that the container's checks (the stream or the writer, not both) still run. */
        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return new UnflushedStream(super.getOutputStream());
        }

        @Override
        public void flushBuffer() {
        }
    }

    private static final class UnflushedStream extends ServletOutputStream {
        private final ServletOutputStream delegate;

        UnflushedStream(ServletOutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int b) throws IOException {
            delegate.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            delegate.write(bytes, offset, length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            delegate.setWriteListener(listener);
        }
    }
}
