package io.contactdetails.http.openapi;

import io.contactdetails.http.error.ApiError;
import io.contactdetails.http.request.RequestId;
import io.contactdetails.http.security.OperatorRoute;
import io.contactdetails.http.security.TokenClaims;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every route of the contract shares, written once instead of on each controller: the bearer scheme, the
 * acting-account header (on every route but the platform operator's), the integrator's optional headers, and
 * the refusals each kind of route can answer with, all in the {@link ApiError} shape. A controller documents
 * only what is its own; whatever it declares is never overwritten here.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocumentation {
    static final String BEARER = "bearer";
    static final String ERROR_SCHEMA = "ApiError";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IF_MATCH = "If-Match";
    private static final Set<PathItem.HttpMethod> WRITES =
            Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.DELETE);
    private static final Set<PathItem.HttpMethod> CHANGES_OF_ONE = Set.of(PathItem.HttpMethod.PUT, PathItem.HttpMethod.DELETE);
    static final String IF_NONE_MATCH = "If-None-Match";
    /** The reads that answer with an ETag, and so 304 to If-None-Match. */
    private static final Set<String> TAGGED_READS = Set.of("/api/v2/contact-details/{uuid}", "/api/v2/accounts/{uuid}");

    @Bean
    public OpenAPI contactDetailsApi() {
        return new OpenAPI()
                .info(new Info().title("Contact details").version("v2").description("""
                        The contact details (email addresses and phone numbers) of a financial-advice CRM's client \
                        accounts, compatible with the Plannr CRM API. Every change is an event; reads come from \
                        read models rebuilt from the events, so a read may trail a write by a moment. Errors are \
                        Laravel's shapes (`ApiError`)."""))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("A JWT with `sub`, `exp`, `accounts` (the account uuids it may act as) and, for "
                                + "the platform operator, `scope: platform:admin`. Locally: `java -jar "
                                + "standalone/target/contact-details.jar token --admin` (see the README).")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    public OpenApiCustomizer sharedParts(ObjectProvider<OperatorRoute> operatorRoutes) {
        List<OperatorRoute> operators = operatorRoutes.orderedStream().toList();
        return openApi -> {
            ModelConverters.getInstance(true).readAll(ApiError.class).forEach(openApi.getComponents()::addSchemas);
            openApi.getComponents().getSchemas().values().forEach(ApiDocumentation::nullableReferences);
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    document(path, method, operation, operators.stream().anyMatch(route ->
                            route.covers(HttpMethod.valueOf(method.name()), path)))));
        };
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation, boolean operatorRoute) {
        if (!operatorRoute) {
            operation.addParametersItem(header(TokenClaims.ACTING_ACCOUNT_HEADER, true, "The employee account the "
                    + "request acts as: one the token lists in `accounts`. Its firm is the tenant.").schema(uuid()));
        }
        operation.addParametersItem(header(RequestId.HEADER, false, "Files the request (and its events) under this "
                + "id when it is 1-128 of `A-Za-z0-9._:-`; otherwise a new id is chosen. Echoed on every response."));
        if (WRITES.contains(method)) {
            operation.addParametersItem(header(IDEMPOTENCY_KEY, false, "A key of the client's choosing: a retry "
                    + "with the same key answers as the first request did instead of acting twice."));
        }
        if (CHANGES_OF_ONE.contains(method)) {
            operation.addParametersItem(header(IF_MATCH, false, "The `ETag` of the resource as last read: the "
                    + "change is refused with a 412 if it has changed since."));
        }
        ApiResponses responses = operation.getResponses();
        if (method == PathItem.HttpMethod.GET && TAGGED_READS.contains(path)) {
            operation.addParametersItem(header(IF_NONE_MATCH, false, "An `ETag` of the resource as last read: "
                    + "answered 304 without a body while it is still the current one."));
            responses.computeIfAbsent("304", status -> new ApiResponse().description("Not modified: the resource "
                    + "still has the ETag named in If-None-Match"));
        }
        addIfAbsent(responses, "401", "The token is missing, malformed, expired or badly signed", ApiError.UNAUTHENTICATED);
        addIfAbsent(responses, "403", operatorRoute ? "The token lacks the platform:admin scope"
                : "X-PLANNR-ACCOUNT-UUID is missing, not in the token's accounts, or not an employee", ApiError.UNAUTHORIZED);
        addIfAbsent(responses, "406", "The request does not accept application/json", ApiError.NOT_ACCEPTABLE);
        responses.computeIfAbsent("429", status -> error("Too many requests for this token's subject; retry after "
                + "`Retry-After` seconds", ApiError.forStatus(429))
                .addHeaderObject("Retry-After", new Header().description("Seconds until a retry may succeed")
                        .schema(new Schema<Integer>().types(Set.of("integer")))));
        if (path.contains("{")) {
            addIfAbsent(responses, "404", "No such resource in the acting account's firm (another firm's is never "
                    + "revealed)", ApiError.NOT_FOUND);
        }
        boolean hasBody = operation.getRequestBody() != null;
        addIfAbsent(responses, "400", hasBody ? "The body is not JSON, or the request cannot be parsed"
                : "The request cannot be parsed", hasBody ? ApiError.NOT_JSON : ApiError.forStatus(400));
        if (hasBody) {
            addIfAbsent(responses, "413", "The body is larger than 64 KiB", ApiError.PAYLOAD_TOO_LARGE);
            addIfAbsent(responses, "415", "The body is not application/json", ApiError.UNSUPPORTED_MEDIA_TYPE);
        }
        if (hasBody || hasQueryParameters(operation)) {
            addIfAbsent(responses, "422", "A field or query parameter breaks a rule: every failure by field path",
                    ApiError.message("The per page field must not be greater than 500."));
        }
        if (WRITES.contains(method) && !operatorRoute) {
            addIfAbsent(responses, "409", "A concurrent change to the same account won; retry",
                    ApiError.message("The record was changed by another request at the same time. Please retry."));
        }
        if (CHANGES_OF_ONE.contains(method)) {
            addIfAbsent(responses, "412", "If-Match names an ETag the resource no longer has", ApiError.PRECONDITION_FAILED);
        }
    }

    /**
     * swagger-core writes a nullable reference ({@code @Schema(nullable = true)} on a resource) as a {@code $ref}
     * beside {@code type: null}, which no value satisfies in OpenAPI 3.1; JSON Schema says it as either one.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableReferences(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        schema.getProperties().replaceAll((name, property) -> property.get$ref() != null && property.getTypes() != null
                && property.getTypes().contains("null")
                ? new Schema().description(property.getDescription()).anyOf(List.of(
                        new Schema().$ref(property.get$ref()), new Schema().types(Set.of("null"))))
                : property);
    }

    private static boolean hasQueryParameters(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(parameter -> "query".equals(parameter.getIn()));
    }

    private static Parameter header(String name, boolean required, String description) {
        return new Parameter().in("header").name(name).required(required).description(description)
                .schema(new Schema<String>().types(Set.of("string")));
    }

    private static Schema<String> uuid() {
        return new Schema<String>().types(Set.of("string")).format("uuid");
    }

    private static void addIfAbsent(ApiResponses responses, String status, String description, ApiError example) {
        responses.computeIfAbsent(status, code -> error(description, example));
    }

    /** An error response: the {@link ApiError} shape with the message this refusal carries. */
    private static ApiResponse error(String description, ApiError example) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_JSON_VALUE, new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))
                        .examples(Map.of("refusal", new Example().value(example)))));
    }
}
