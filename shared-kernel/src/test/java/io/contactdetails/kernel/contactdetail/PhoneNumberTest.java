package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {
    @ParameterizedTest
    @CsvSource({
            "+443330903630, GB, +443330903630, GB, 0333 090 3630",
            "0333 090 3630, GB, +443330903630, GB, 0333 090 3630",
            "+61 2 3456 7890, AU, +61234567890, AU, (02) 3456 7890",
            "(02) 3456 7890, au, +61234567890, AU, (02) 3456 7890",
            "+443330903630, AU, +443330903630, GB, 0333 090 3630",
            "+1 202-456-1111, GB, +12024561111, US, (202) 456-1111"})
    void validNumbersAreStoredAsE164WithTheirOwnRegion(String raw, String region, String e164, String country, String formatted) {
        PhoneNumber number = PhoneNumber.parse(raw, region);
        assertThat(number.value()).isEqualTo(e164);
        assertThat(number.phoneNumberMeta()).isEqualTo(new PhoneNumberMeta(country, formatted));
        assertThat(number.type()).isEqualTo(ContactType.PHONE_NUMBER);
    }

    @ParameterizedTest
    @CsvSource({"07700 900123, GB", "12345, GB", "+12345, GB", "not a number, GB", "'', GB", "0333 090 3630, US",
            "+443330903630x, GB", "+44 333 090 3630 ext. 12, GB", "tel:+44-333-090-3630, GB", "+44 333 O90 3630, GB"})
    void invalidNumbersAreRefused(String raw, String region) {
        assertThatThrownBy(() -> PhoneNumber.parse(raw, region)).isInstanceOf(InvalidValue.class);
    }

    @Test
    void unknownRegionsAreRefused() {
        assertThat(PhoneNumber.isSupportedRegion("XX")).isFalse();
        assertThat(PhoneNumber.isSupportedRegion(null)).isFalse();
        assertThatThrownBy(() -> PhoneNumber.parse("+443330903630", "XX")).isInstanceOf(InvalidValue.class);
    }

    @Test
    void overlongInputIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> PhoneNumber.parse("1".repeat(10_000), "GB")).isInstanceOf(InvalidValue.class);
    }
}
