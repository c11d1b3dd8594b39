package io.contactdetails.http;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.context.support.ServletRequestHandledEvent;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.HandlerExceptionResolverComposite;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring would do for every request and nothing here needs:
 * <ul>
 *   <li>a second lookup of the request's handler ahead of the dispatcher's: the security chain matches its routes
 *   by path pattern and needs none of its own. Counted by a handler mapping placed first that finds nothing,
 *   which every lookup asks before the real mappings;</li>
 *   <li>an application event per request handled, which nothing listens for;</li>
 *   <li>asking JAXB's converter (on the class path through swagger-core) whether it writes each answer: every
 *   body here is JSON;</li>
 *   <li>a method validator, which looks up the handler's validation groups for every request: nothing here is
 *   validated by Bean Validation annotations;</li>
 *   <li>Jackson's {@code @JsonView} support, which searches the handler method's annotations for a view before
 *   every body is read or written, error answers included: nothing here declares a view.</li>
 * </ul>
 */
@SpringBootTest(classes = {ErrorShapesTest.Application.class, RequestOverheadTest.Counters.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "contact-details.jwt.secret=" + ErrorShapesTest.SECRET)
class RequestOverheadTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    Counters.Lookups lookups;

    @Autowired
    Counters.HandledEvents handledEvents;

    @Autowired
    RequestMappingHandlerAdapter handlerAdapter;

    @Autowired
    HandlerExceptionResolverComposite exceptionResolvers;

    @Configuration(proxyBeanMethods = false)
    static class Counters {
        static final class Lookups implements HandlerMapping, Ordered {
            final AtomicInteger count = new AtomicInteger();

            @Override
            public HandlerExecutionChain getHandler(HttpServletRequest request) {
                count.incrementAndGet();
                return null;
            }

            @Override
            public int getOrder() {
                return Ordered.HIGHEST_PRECEDENCE;
            }
        }

        static final class HandledEvents implements ApplicationListener<ServletRequestHandledEvent> {
            final AtomicInteger count = new AtomicInteger();

            @Override
            public void onApplicationEvent(ServletRequestHandledEvent event) {
                count.incrementAndGet();
            }
        }

        @Bean
        Lookups countingHandlerMapping() {
            return new Lookups();
        }

        @Bean
        HandledEvents handledEventCounter() {
            return new HandledEvents();
        }
    }

    @BeforeEach
    void startCounting() {
        lookups.count.set(0);
        handledEvents.count.set(0);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + ErrorShapesTest.token(List.of(ErrorShapesTest.EMPLOYEE.toString())))
                .header("X-PLANNR-ACCOUNT-UUID", ErrorShapesTest.EMPLOYEE.toString())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAuthorizedReadLooksUpItsHandlerOnce() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(get("/things").statusCode()).isEqualTo(200);
        }
        assertThat(lookups.count.get()).isEqualTo(3);
    }

    @Test
    void aRouteLeftOpenToAnyoneLooksUpItsHandlerOnce() throws Exception {
        HttpResponse<String> docs = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(lookups.count.get()).isEqualTo(1);
    }

    @Test
    void aRequestHandledPublishesNoApplicationEvent() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = get("/things");
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        }
        assertThat(handledEvents.count.get()).isZero();
    }

    @Test
    void answersAreWrittenWithoutAskingAnXmlConverter() {
        assertThat(handlerAdapter.getMessageConverters()).map(HttpMessageConverter::getClass).map(Class::getName)
                .contains("org.springframework.http.converter.json.MappingJackson2HttpMessageConverter")
                .noneMatch(name -> name.contains(".xml."));
    }

    @Test
    void bodiesAreReadAndWrittenWithoutLookingForAJsonView() {
        ExceptionHandlerExceptionResolver exceptionHandlers = exceptionResolvers.getExceptionResolvers().stream()
                .filter(ExceptionHandlerExceptionResolver.class::isInstance).map(ExceptionHandlerExceptionResolver.class::cast)
                .findFirst().orElseThrow();
        // neither offers a getter for the advice it applies around each body
        assertThat((List<?>) ReflectionTestUtils.getField(handlerAdapter, "requestResponseBodyAdvice"))
                .noneMatch(advice -> advice.getClass().getName().contains("JsonView"));
        assertThat((List<?>) ReflectionTestUtils.getField(exceptionHandlers, "responseBodyAdvice"))
                .noneMatch(advice -> advice.getClass().getName().contains("JsonView"));
    }

    @Test
    void handlersAreCalledWithoutAMethodValidator() {
        // Spring MVC hands the adapter's method validator to each request's handler method, which then looks up
        // the handler's validation groups; the adapter offers no getter for it
        assertThat(ReflectionTestUtils.getField(handlerAdapter, "methodValidator")).isNull();
    }
}
