package io.contactdetails.http;

import io.contactdetails.http.error.ApiErrors;
import io.contactdetails.http.error.JsonErrorController;
import io.contactdetails.http.error.JsonResponses;
import io.contactdetails.http.openapi.ApiDocumentation;
import io.contactdetails.http.request.RequestLimitsFilter;
import io.contactdetails.http.request.WholeResponseFilter;
import io.contactdetails.http.resource.Resources;
import io.contactdetails.http.security.AccountLookup;
import io.contactdetails.http.security.ApiSecurity;
import io.contactdetails.http.security.HeaderFirewall;
import io.contactdetails.http.security.JwtDecoders;
import io.contactdetails.http.security.OperatorRoute;
import io.contactdetails.http.security.SingleHandlerLookup;
import io.contactdetails.kernel.EventMetaData;
import io.contactdetails.kernel.contactdetail.PrimaryAssignedUpcaster;
import io.contactdetails.kernel.contactdetail.PrimaryRevokedUpcaster;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;
import org.springframework.web.servlet.mvc.method.annotation.JsonViewRequestBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.JsonViewResponseBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.List;
import java.util.Optional;


/**
 * What every process of the service gets by having this module on its class path, once, whichever sides it
 * holds: the security chain, request limits, responses sent whole, the error shapes, the resource renderer,
 * Axon's meters and what each command's metadata carries onto its events. Ordered before Spring Boot's own security
 * and error pages and Axon's auto-configuration, which step back when these beans exist.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class, ErrorMvcAutoConfiguration.class},
        beforeName = "org.axonframework.springboot.autoconfig.AxonAutoConfiguration")
@EnableConfigurationProperties(ApiProperties.class)
public class HttpApiAutoConfiguration {
    /** Only a process that serves HTTP verifies tokens; the jar's replay command renders nothing and listens nowhere. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import({ApiErrors.class, JsonErrorController.class, ApiDocumentation.class})
    static class Web {
        /** Ahead of Actuator's endpoint mappings (-100). */
        private static final int API_ROUTES_ORDER = -200;

        @Bean
        public JwtDecoder jwtDecoder(ApiProperties properties) {
            return JwtDecoders.decoder(properties.jwt());
        }

        @Bean
        public SecurityFilterChain apiSecurity(HttpSecurity http, JwtDecoder jwtDecoder,
                                               ObjectProvider<AccountLookup> lookups,
                                               ObjectProvider<OperatorRoute> operatorRoutes,
                                               PathPatternRequestMatcher.Builder paths, ApiProperties properties,
                                               ObjectProvider<MeterRegistry> meters) throws Exception {
            return ApiSecurity.chain(http, jwtDecoder, lookups.orderedStream().toList(), operatorRoutes.stream().toList(),
                    paths, properties.rateLimit(), Optional.ofNullable(meters.getIfAvailable()));
        }

        /**
         * Spring Security would observe every filter of the chain, every authentication and every authorization,
         * each with timers of its own; a request is already timed once, as a whole ({@code http.server.requests}).
         */
        @Bean
        public SecurityObservationSettings securityObservations() {
            return SecurityObservationSettings.noObservations();
        }

        /**
         * Every body here is JSON. JAXB is on the class path (through swagger-core), so Spring MVC would also ask
         * its converter whether it writes each answer, an annotation lookup per answer: 0.9 % of a read's CPU.
         */
        @Bean
        public WebMvcConfigurer jsonBodiesOnly() {
            return new WebMvcConfigurer() {
                @Override
                public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
                    converters.removeIf(Jaxb2RootElementHttpMessageConverter.class::isInstance);
                }
            };
        }

        /**
         * Requests are checked by the value objects they are read into, never by Bean Validation annotations. The
         * Bean Validation API and Hibernate Validator are on the class path all the same (through springdoc), so
         * Spring MVC would build a method validator, and each request's handler method would look up its validation
         * groups: 1.5 % of the request threads' CPU samples in a create run's profile (BENCHMARKS.md). A validator
         * that supports no type, as Spring MVC uses when the Bean Validation API is absent, is neither a Bean
         * Validation nor a smart validator, so the adapter builds no method validator.
         */
        @Bean
        public WebMvcConfigurer noBeanValidation() {
            return new WebMvcConfigurer() {
                @Override
                public Validator getValidator() {
                    return new Validator() {
                        @Override
                        public boolean supports(Class<?> type) {
                            return false;
                        }

                        @Override
                        public void validate(Object target, Errors errors) {
                        }
                    };
                }
            };
        }

        /**
         * Spring MVC hands every body it reads or writes, error answers included, to Jackson's {@code @JsonView}
         * advice, which searches the handler method's annotations for a view each time (1-4 % of a read's request
         * thread in the twenty-ninth and thirtieth rounds' profiles, BENCHMARKS.md). Nothing here declares a view
         * (ViewsArchitectureTest, standalone), so neither the handler adapter nor the exception handlers get one.
         * Spring Boot uses these registrations only while they are the process's only ones.
         */
        @Bean
        public WebMvcRegistrations noJsonViews() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                    return new RequestMappingHandlerAdapter() {
                        @Override
                        public void setRequestBodyAdvice(List<RequestBodyAdvice> advice) {
                            super.setRequestBodyAdvice(withoutJsonViews(advice));
                        }

                        @Override
                        public void setResponseBodyAdvice(List<ResponseBodyAdvice<?>> advice) {
                            super.setResponseBodyAdvice(withoutJsonViews(advice));
                        }
                    };
                }

                @Override
                public ExceptionHandlerExceptionResolver getExceptionHandlerExceptionResolver() {
                    return new ExceptionHandlerExceptionResolver() {
                        @Override
                        public void setResponseBodyAdvice(List<ResponseBodyAdvice<?>> advice) {
                            super.setResponseBodyAdvice(withoutJsonViews(advice));
                        }
                    };
                }
            };
        }

        private static <T> List<T> withoutJsonViews(List<T> advice) {
            return advice.stream()
                    .filter(each -> !(each instanceof JsonViewRequestBodyAdvice || each instanceof JsonViewResponseBodyAdvice))
                    .toList();
        }

        /**
         * The dispatcher asks its handler mappings in order. By default Actuator's endpoint mappings (-100) come
         * before the API's routes (0), so every API request would be looked up among the endpoints, match none, and
         * have them checked again for a partial match (one that would answer 405 or 415): side by side, 3.5 % of a
         * read's CPU (BENCHMARKS.md, twenty-fourth round). With the API's routes first, a scrape or a health probe
         * is looked up among them instead. None of their patterns (the API's, springdoc's, /error) matches an
         * Actuator path, so such a request finds no partial match here and falls through; a catch-all pattern such
         * as /{*path} would answer or refuse it instead.
         */
        @Bean
        public static BeanPostProcessor apiRoutesFirst() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof RequestMappingHandlerMapping routes && name.equals("requestMappingHandlerMapping")) {
                        routes.setOrder(API_ROUTES_ORDER);
                    }
                    return bean;
                }
            };
        }

        @Bean
        public RequestLimitsFilter requestLimitsFilter() {
            return new RequestLimitsFilter();
        }

        @Bean
        public WholeResponseFilter wholeResponseFilter() {
            return new WholeResponseFilter();
        }

        @Bean
        public static PathPatternRequestMatcherBuilderFactoryBean securityPathPatterns() {
            return SingleHandlerLookup.pathPatterns();
        }

        @Bean
        public static SingleHandlerLookup singleHandlerLookup() {
            return new SingleHandlerLookup();
        }

        @Bean
        public HttpFirewall httpFirewall() {
            return HeaderFirewall.strict();
        }

        @Bean
        public RequestRejectedHandler requestRejectedHandler() {
            return JsonResponses.firewallRefusalsAsJson();
        }

        @Bean
        public WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorsAsJson() {
            return JsonResponses.containerErrorsAsJson();
        }

        @Bean
        public WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatDirectory(ServerProperties server) {
            return new TomcatDirectory(server);
        }
    }

    @Bean
    public Resources resources(ApiProperties properties) {
        return new Resources(properties.timeZone(), properties.publicBaseUrl());
    }

    /**
     * Axon's correlation and trace ids, from each command onto the events it causes. Axon's auto-configuration
     * declares the same provider, unwrapped, unless a process declares one of its own; this bean's name is the one
     * it would use.
     */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new CommandCorrelation(new MessageOriginProvider());
    }

    /**
     * Who acted and through which request, the metadata {@link io.contactdetails.http.security.Actor} and
     * {@link io.contactdetails.http.request.RequestOrigin} put on each command, onto the events it causes.
     */
    @Bean
    public CorrelationDataProvider actorCorrelationDataProvider() {
        return new CommandCorrelation(new SimpleCorrelationDataProvider(EventMetaData.FROM_REQUEST.toArray(String[]::new)));
    }

    /** Of Axon's meters, those the README documents (see AxonMeters). */
    @Bean
    public ConfigurerModule documentedAxonMeters(ObjectProvider<MeterRegistry> meters) {
        return configurer -> meters.ifAvailable(registry -> new AxonMeters(registry).keepDocumentedOnly(configurer));
    }

    /** Both sides read stored events (to source aggregates, to project them), so both read old revisions alike. */
    @Bean
    public PrimaryAssignedUpcaster primaryAssignedUpcaster() {
        return new PrimaryAssignedUpcaster();
    }

    @Bean
    public PrimaryRevokedUpcaster primaryRevokedUpcaster() {
        return new PrimaryRevokedUpcaster();
    }
}
