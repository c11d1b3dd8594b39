package io.contactdetails.command.contactdetail.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.contactdetails.http.error.InvalidRequest;
import io.contactdetails.kernel.account.AccountId;
import io.contactdetails.kernel.contactdetail.CreateContactDetail;
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import io.contactdetails.kernel.firm.FirmId;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Reading the body of POST /api/v2/contact-details: what a valid body becomes, and the path of every error. */
class ContactDetailRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final FirmId FIRM = FirmId.random();
    private static final String A = UUID.randomUUID().toString();
    private static final String B = UUID.randomUUID().toString();

    private static CreateContactDetail read(String json) {
        try {
            return ContactDetailRequest.create(JSON.readTree(json), FIRM);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, List<String>> errors(String json) {
        InvalidRequest invalid = catchThrowableOfType(InvalidRequest.class, () -> read(json));
        assertThat(invalid).as("a 422 for %s", json).isNotNull();
        return invalid.errors().asMap();
    }

    @Test
    void theSeedRequestBecomesACommandWithNormalisedValues() {
        CreateContactDetail command = read("""
                {"type":"phone_number","name":" Work phone number ","value":"+443330903630","is_primary":true,
                 "account_uuids":["%s","%s"],"primary_account_uuids":["%s"]}""".formatted(A, B, A));
        assertThat(command.firmId()).isEqualTo(FIRM);
        assertThat(command.name().value()).isEqualTo("Work phone number");
        assertThat(command.value().value()).isEqualTo("+443330903630");
        assertThat(command.value().phoneNumberMeta()).isEqualTo(new PhoneNumberMeta("GB", "0333 090 3630"));
        assertThat(command.owners().accounts()).extracting(AccountId::toString).containsExactly(A, B);
        assertThat(command.owners().primaryFor()).extracting(AccountId::toString).containsExactlyInAnyOrder(A, B);
    }

    @Test
    void primariesAreThoseNamedWhenIsPrimaryIsNotSet() {
        CreateContactDetail command = read("""
                {"type":"email","name":"Home","value":"Ada@EXAMPLE.com ","account_uuids":["%s","%s"],
                 "primary_account_uuids":["%s"]}""".formatted(A, B, B));
        assertThat(command.value().value()).isEqualTo("Ada@example.com");
        assertThat(command.owners().primaryFor()).extracting(AccountId::toString).containsExactly(B);
    }

    @Test
    void anEmptyBodyNamesEveryRequiredField() {
        assertThat(errors("{}")).containsOnlyKeys("type", "name", "value", "account_uuids");
        assertThat(errors("[]")).containsOnlyKeys("type", "name", "value", "account_uuids");
    }

    @Test
    void eachFieldIsReportedUnderItsOwnPath() {
        assertThat(errors("""
                {"type":"fax","name":"","value":"x","is_primary":"yes","account_uuids":"%s"}""".formatted(A)))
                .containsOnlyKeys("type", "name", "is_primary", "account_uuids");
        assertThat(errors("""
                {"type":"email","name":"%s","value":"not an email","account_uuids":["%s"]}""".formatted("n".repeat(256), A)))
                .containsOnlyKeys("name", "value");
        assertThat(errors("""
                {"type":"phone_number","name":"n","value":{"country":"ZZ","number":44},"account_uuids":["%s"]}""".formatted(A)))
                .containsOnlyKeys("value.country", "value.number");
        assertThat(errors("""
                {"type":"phone_number","name":"n","value":{"country":"GB","number":"12345"},"account_uuids":["%s"]}"""
                .formatted(A)))
                .containsExactly(Map.entry("value.number", List.of("The value.number field must be a valid phone number.")));
    }

    @Test
    void ownersAreReportedByIndex() {
        assertThat(errors("""
                {"type":"email","name":"n","value":"a@example.com","account_uuids":["%s","nope","%s"],
                 "primary_account_uuids":["%s"]}""".formatted(A, A, UUID.randomUUID())))
                .containsOnlyKeys("account_uuids.1", "account_uuids.2");
        assertThat(errors("""
                {"type":"email","name":"n","value":"a@example.com","account_uuids":["%s"],
                 "primary_account_uuids":["%s","%s","%s"]}""".formatted(A, A, B, A)))
                .containsExactly(
                        Map.entry("primary_account_uuids.1", List.of("The selected primary account uuids.1 is invalid.")),
                        Map.entry("primary_account_uuids.2", List.of("The primary account uuids.2 field has a duplicate value.")));
        assertThat(errors("""
                {"type":"email","name":"n","value":"a@example.com","account_uuids":[]}"""))
                .containsExactly(Map.entry("account_uuids", List.of("The account uuids field is required.")));
    }
}
