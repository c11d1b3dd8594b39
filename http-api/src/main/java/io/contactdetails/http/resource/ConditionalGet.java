package io.contactdetails.http.resource;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/** A read answered with its ETag, or 304 with no body when the client's If-None-Match already names it. */
public final class ConditionalGet {
    private ConditionalGet() {
    }

    public static <T> ResponseEntity<T> answer(Resources.Tagged<T> tagged, WebRequest request) {
        if (request.checkNotModified(tagged.etag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(tagged.etag()).build();
        }
        return ResponseEntity.ok().eTag(tagged.etag()).body(tagged.resource());
    }
}
