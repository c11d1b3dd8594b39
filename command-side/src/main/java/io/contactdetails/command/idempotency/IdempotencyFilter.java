package io.contactdetails.command.idempotency;

import io.contactdetails.http.error.ApiError;
import io.contactdetails.http.error.FieldErrors;
import io.contactdetails.http.error.JsonResponses;
import io.contactdetails.http.request.RequestLimitsFilter;
import io.contactdetails.http.security.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Idempotency-Key on POST, PUT and DELETE (the IETF httpapi idempotency-key draft): the first request with a
 * key runs inside one PostgreSQL transaction that also holds its events, and its successful answer is stored
 * in that transaction; a repeat of the same request answers the stored answer and writes nothing; the same key
 * with another request is a 422, and a repeat while the first is still running a 409. Failed answers are not
 * kept: a retry runs the request again.
 */
final class IdempotencyFilter extends OncePerRequestFilter {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Set<String> METHODS = Set.of("POST", "PUT", "DELETE");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]{1,255}");

    private enum Outcome { PROCESSED, REPLAYED, IN_FLIGHT, OTHER_REQUEST }

    private record Result(Outcome outcome, IdempotencyKeys.StoredAnswer stored) {
        static Result of(Outcome outcome) {
            return new Result(outcome, null);
        }
    }

    private final IdempotencyKeys keys;
    private final TransactionTemplate transactions;

    IdempotencyFilter(IdempotencyKeys keys, TransactionTemplate transactions) {
        this.keys = keys;
        this.transactions = transactions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return request.getHeader(HEADER) == null || !METHODS.contains(request.getMethod())
                || !path.startsWith("/api/v2/") || path.startsWith("/api/v2/operations/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!PRINTABLE.matcher(key).matches()) {
            JsonResponses.write(response, HttpServletResponse.SC_BAD_REQUEST,
                    ApiError.message("The Idempotency-Key header must be 1 to 255 printable characters."));
            return;
        }
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestLimitsFilter.PayloadTooLarge e) {
            JsonResponses.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, ApiError.PAYLOAD_TOO_LARGE);
            return;
        }
        Actor actor = (Actor) request.getAttribute(Actor.REQUEST_ATTRIBUTE);
        IdempotencyKeys.Scope scope = new IdempotencyKeys.Scope(login.getName(),
                actor == null ? "" : actor.accountId().toString(), key);
        String fingerprint = IdempotencyKeys.fingerprint(request.getMethod(), request.getRequestURI(), body);
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        Result result = transactions.execute(transaction -> {
            if (!keys.tryLock(scope)) {
                return Result.of(Outcome.IN_FLIGHT);
            }
            Optional<IdempotencyKeys.StoredAnswer> stored = keys.find(scope);
            if (stored.isPresent()) {
                return stored.get().fingerprint().equals(fingerprint)
                        ? new Result(Outcome.REPLAYED, stored.get()) : Result.of(Outcome.OTHER_REQUEST);
            }
            try {
                chain.doFilter(new CachedBody(request, body), answer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ServletException e) {
                throw new IllegalStateException(e);
            }
            int status = answer.getStatus();
            if (status >= 200 && status < 300 && !transaction.isRollbackOnly()) {
                keys.save(scope, new IdempotencyKeys.StoredAnswer(fingerprint, status, answer.getContentType(),
                        answer.getHeader(HttpHeaders.ETAG), answer.getContentAsByteArray()));
            } else {
                transaction.setRollbackOnly();
            }
            return Result.of(Outcome.PROCESSED);
        });
        switch (result.outcome()) {
            case PROCESSED -> answer.copyBodyToResponse();
            case REPLAYED -> replay(result.stored(), response);
            case IN_FLIGHT -> JsonResponses.write(response, HttpServletResponse.SC_CONFLICT, ApiError.message(
                    "A request with this Idempotency-Key is still being processed. Retry it later."));
            case OTHER_REQUEST -> JsonResponses.write(response, 422, ApiError.validation(FieldErrors.of("idempotency_key",
                    "The Idempotency-Key has already been used with a different request.")));
        }
    }

    private static void replay(IdempotencyKeys.StoredAnswer stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        response.setHeader(REPLAYED, "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.etag() != null) {
            response.setHeader(HttpHeaders.ETAG, stored.etag());
        }
        response.getOutputStream().write(stored.body());
    }

    /** The request with its body read once for the fingerprint and handed on unchanged. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body is already read");
                }
            };
        }
    }
}
