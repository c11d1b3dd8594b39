package io.contactdetails.query.infrastructure;

import io.contactdetails.kernel.api.RequestId;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Echoes the request id on every response, the one the write side filed events under when it is the same request. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, java.io.IOException {
        Object known = request.getAttribute(RequestId.ATTRIBUTE);
        String requestId = known instanceof String id ? id : RequestId.from(request.getHeader(RequestId.HEADER));
        request.setAttribute(RequestId.ATTRIBUTE, requestId);
        response.setHeader(RequestId.HEADER, requestId);
        chain.doFilter(request, response);
    }
}
