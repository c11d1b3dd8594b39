package io.contactdetails.http.error;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldErrorsTest {
    @Test
    void summarisesLikeLaravel() {
        assertThat(FieldErrors.of("name", "The name field is required.").summary())
                .isEqualTo("The name field is required.");
        assertThat(FieldErrors.of("name", "A.").add("type", "B.").summary()).isEqualTo("A. (and 1 more error)");
        assertThat(FieldErrors.of("name", "A.").add("name", "B.").add("value", "C.").summary())
                .isEqualTo("A. (and 2 more errors)");
    }

    @Test
    void keepsFieldsInTheOrderFound() {
        FieldErrors errors = FieldErrors.of("type", "x").add("account_uuids.2", "y").add("name", "z");
        assertThat(errors.asMap().keySet()).containsExactly("type", "account_uuids.2", "name");
    }
}
