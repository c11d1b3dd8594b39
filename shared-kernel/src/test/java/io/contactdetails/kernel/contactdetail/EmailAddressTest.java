package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailAddressTest {
    @Test
    void isTrimmedAndItsDomainLowerCased() {
        assertThat(new EmailAddress("  Gareth.Thompson@CodePotato.CO.UK \n").value())
                .isEqualTo("Gareth.Thompson@codepotato.co.uk");
    }

    @Test
    void acceptsTheLongestLegalShapes() {
        String local = "a".repeat(64);
        String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(58) + ".uk";
        assertThat(new EmailAddress(local + "@" + domain).value()).hasSize(254);
        assertThat(new EmailAddress("o'brien+crm@example.com").value()).isEqualTo("o'brien+crm@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "@example.com", "a@", "a@b", "a@@example.com", "a@b@example.com",
            "a b@example.com", ".a@example.com", "a..b@example.com", "a@-example.com", "a@example..com",
            "a@exa mple.com", "a@example.com."})
    void refusesWhatIsNotAnAddress(String raw) {
        assertThatThrownBy(() -> new EmailAddress(raw)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void refusesOverlongAddressesAndLocalParts() {
        assertThatThrownBy(() -> new EmailAddress("a".repeat(65) + "@example.com")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new EmailAddress("a@" + "b".repeat(62) + "." + "c".repeat(62) + "."
                + "d".repeat(62) + "." + "e".repeat(62) + ".com")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new EmailAddress(null)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void isStoredInNormalisationFormC() {
        assertThat(new EmailAddress("Zoe\u0301@example.com").value()).isEqualTo("Zo\u00e9@example.com");
    }

    @Test
    void refusesADomainThatNormalisationWouldTurnIntoAnother() {
        assertThatThrownBy(() -> new EmailAddress("a@\u212Aelvin.example")).isInstanceOf(InvalidValue.class);
        assertThatThrownBy(() -> new EmailAddress("a@exa\u0301mple.com")).isInstanceOf(InvalidValue.class);
        assertThat(new EmailAddress("a@K\u00e9lvin.example").value()).isEqualTo("a@k\u00e9lvin.example");
    }
}
