package io.contactdetails.http.security;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.security.config.web.PathPatternRequestMatcherBuilderFactoryBean;
import org.springframework.security.web.context.AbstractSecurityWebApplicationInitializer;

import java.util.List;

/**
 * Spring Security 6.5, whenever Spring MVC is present, puts MVC's {@code HandlerMappingIntrospector} cache filter
 * in front of its chain, so that the {@code MvcRequestMatcher}s it builds from route patterns share one lookup of
 * the request's handler. The security chain here matches by path pattern (the builder below, Spring Security's
 * opt-in to what replaces those matchers), so that filter only looked up each request's handler a second time
 * ahead of the dispatcher: 7 % of a read's request thread (BENCHMARKS.md, thirteenth round). Spring Security
 * deprecates the filter's wrapper with the matchers; this unwraps its chain from it. It is a factory post-processor
 * because those run after every registry post-processor, Spring Security's two wrappers among them. A shape it does
 * not recognise (another Spring Security) it leaves as it is: {@code RequestOverheadTest}, which counts the lookups,
 * then fails.
 */
public final class SingleHandlerLookup implements BeanFactoryPostProcessor {
    private static final String MVC_WRAPPER = "org.springframework.security.config.annotation.web.configuration."
            + "WebMvcSecurityConfiguration$CompositeFilterChainProxy";
    private static final String INTROSPECTOR_CACHE_FILTER = "org.springframework.security.config.annotation.web."
            + "configuration.WebMvcSecurityConfiguration$HandlerMappingIntrospectorCacheFilterFactoryBean";

    /** Route patterns of the security chain become path-pattern matchers, which need no handler lookup. */
    public static PathPatternRequestMatcherBuilderFactoryBean pathPatterns() {
        return new PathPatternRequestMatcherBuilderFactoryBean();
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String chainName = AbstractSecurityWebApplicationInitializer.DEFAULT_FILTER_NAME;
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(chainName)) {
            return;
        }
        BeanDefinition wrapper = registry.getBeanDefinition(chainName);
        if (!MVC_WRAPPER.equals(wrapper.getBeanClassName())) {
            return;
        }
        ConstructorArgumentValues.ValueHolder filters = wrapper.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
        if (filters == null || !(filters.getValue() instanceof List<?> wrapped) || wrapped.size() != 2
                || !(wrapped.get(0) instanceof BeanDefinition cacheFilter)
                || !INTROSPECTOR_CACHE_FILTER.equals(cacheFilter.getBeanClassName())
                || !(wrapped.get(1) instanceof BeanDefinition chain)) {
            return;
        }
        registry.removeBeanDefinition(chainName);
        registry.registerBeanDefinition(chainName, chain);
    }
}
