package io.contactdetails.http.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.contactdetails.http.request.PageRequest;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** Laravel's length-aware paginator body: {@code data}, {@code links}, {@code meta}. */
@Schema(description = "A page of a list, in Laravel's length-aware paginator shape")
public record LaravelPage<T>(@Schema(requiredMode = REQUIRED) List<T> data, @Schema(requiredMode = REQUIRED) Links links,
                             @Schema(requiredMode = REQUIRED) Meta meta) {
    private static final int WINDOW = 3;

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "PageLinks")
    public record Links(@Schema(requiredMode = REQUIRED, format = "uri") String first,
                        @Schema(requiredMode = REQUIRED, format = "uri") String last,
                        @Schema(requiredMode = REQUIRED, types = {"string", "null"}, format = "uri") String prev,
                        @Schema(requiredMode = REQUIRED, types = {"string", "null"}, format = "uri") String next) {
    }

    @Schema(name = "PageLink")
    public record Link(@Schema(requiredMode = REQUIRED, types = {"string", "null"}, format = "uri") String url,
                       @Schema(requiredMode = REQUIRED, example = "1") String label,
                       @Schema(requiredMode = REQUIRED) boolean active) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "PageMeta")
    public record Meta(@Schema(requiredMode = REQUIRED) @JsonProperty("current_page") int currentPage,
                       @Schema(requiredMode = REQUIRED, types = {"integer", "null"}) Integer from,
                       @Schema(requiredMode = REQUIRED) @JsonProperty("last_page") int lastPage,
                       @Schema(requiredMode = REQUIRED) List<Link> links,
                       @Schema(requiredMode = REQUIRED, format = "uri") String path,
                       @Schema(requiredMode = REQUIRED) @JsonProperty("per_page") int perPage,
                       @Schema(requiredMode = REQUIRED, types = {"integer", "null"}) Integer to,
                       @Schema(requiredMode = REQUIRED) long total) {
    }

    /** {@code kept}: the list's own query parameters (filters, sort, include), carried into every link. */
    static <T> LaravelPage<T> of(List<T> data, PageRequest request, long total, String path, Map<String, String> kept) {
        int lastPage = (int) Math.max(1, (total + request.perPage() - 1) / request.perPage());
        int current = request.page();
        Integer from = data.isEmpty() ? null : request.offset() + 1;
        Integer to = data.isEmpty() ? null : request.offset() + data.size();
        List<Link> links = new ArrayList<>();
        links.add(new Link(current > 1 ? url(path, kept, request, current - 1) : null, "&laquo; Previous", false));
        // Like Laravel's URL window: the first and last pages and those near the current one, gaps as "...".
        int previous = 0;
        for (int page = 1; page <= lastPage; page++) {
            if (page == 1 || page == lastPage || Math.abs(page - current) <= WINDOW) {
                if (page - previous > 1) {
                    links.add(new Link(null, "...", false));
                }
                links.add(new Link(url(path, kept, request, page), Integer.toString(page), page == current));
                previous = page;
            } else if (page < current - WINDOW) {
                page = current - WINDOW - 1;
            } else {
                page = lastPage - 1;
            }
        }
        links.add(new Link(current < lastPage ? url(path, kept, request, current + 1) : null, "Next &raquo;", false));
        return new LaravelPage<>(data,
                new Links(url(path, kept, request, 1), url(path, kept, request, lastPage),
                        current > 1 ? url(path, kept, request, current - 1) : null,
                        current < lastPage ? url(path, kept, request, current + 1) : null),
                new Meta(current, from, lastPage, links, path, request.perPage(), to, total));
    }

    private static String url(String path, Map<String, String> kept, PageRequest request, int page) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(path);
        kept.forEach(url::queryParam);
        return url.queryParam("page", page)
                .queryParam("per_page", request.perPage())
                .toUriString();
    }
}
