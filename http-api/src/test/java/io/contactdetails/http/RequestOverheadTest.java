package io.contactdetails.http;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.context.support.ServletRequestHandledEvent;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring MVC would do for every request that nothing here uses: an application event per request handled,
 * and asking JAXB's converter (on the class path through swagger-core) whether it writes each answer. Every
 * body here is JSON.
 */
@SpringBootTest(classes = {ErrorShapesTest.Application.class, RequestOverheadTest.CountingEvents.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "contact-details.jwt.secret=" + ErrorShapesTest.SECRET)
class RequestOverheadTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    CountingEvents.Counter handledEvents;

    @Autowired
    RequestMappingHandlerAdapter handlerAdapter;

    @Configuration(proxyBeanMethods = false)
    static class CountingEvents {
        static final class Counter implements ApplicationListener<ServletRequestHandledEvent> {
            final AtomicInteger count = new AtomicInteger();

            @Override
            public void onApplicationEvent(ServletRequestHandledEvent event) {
                count.incrementAndGet();
            }
        }

        @Bean
        Counter handledEventCounter() {
            return new Counter();
        }
    }

    @Test
    void aRequestHandledPublishesNoApplicationEvent() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/things"))
                    .header("Authorization", "Bearer " + ErrorShapesTest.token(List.of(ErrorShapesTest.EMPLOYEE.toString())))
                    .header("X-PLANNR-ACCOUNT-UUID", ErrorShapesTest.EMPLOYEE.toString())
                    .build(), HttpResponse.BodyHandlers.ofString());
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
}
