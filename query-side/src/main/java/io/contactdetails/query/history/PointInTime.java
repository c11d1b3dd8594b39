package io.contactdetails.query.history;

import io.contactdetails.kernel.api.AccountResource;
import io.contactdetails.kernel.contactdetail.PhoneNumberMeta;
import io.contactdetails.query.Resources;
import io.contactdetails.query.account.AccountDocument;
import io.contactdetails.query.contactdetail.ContactDetailDocument;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the API would have answered at an instant: the account resource rebuilt from the events up to then
 * (its primaries included), in the same shape as the live read.
 */
@Component
public class PointInTime {
    private final History history;
    private final Resources resources;

    public PointInTime(History history, Resources resources) {
        this.history = history;
        this.resources = resources;
    }

    public Optional<AccountResource> account(String accountId, Instant asOf) {
        return history.accountAsOf(accountId, asOf).map(past -> {
            Map<String, Object> fields = past.fields();
            Map<String, ContactDetailDocument> primaries = new HashMap<>();
            Stream.of((String) fields.get("primary_email"), (String) fields.get("primary_phone_number"))
                    .filter(java.util.Objects::nonNull)
                    .forEach(id -> history.contactDetailAsOf(id, asOf).ifPresent(detail ->
                            primaries.put(id, contactDetail(id, detail))));
            AccountDocument account = new AccountDocument(accountId, null, (String) fields.get("type"),
                    (String) fields.get("first_name"), (String) fields.get("last_name"),
                    (String) fields.get("primary_email"), (String) fields.get("primary_phone_number"),
                    past.createdAt(), past.updatedAt());
            return resources.account(account, primaries);
        });
    }

    @SuppressWarnings("unchecked")
    private static ContactDetailDocument contactDetail(String id, History.PastState past) {
        Map<String, Object> fields = past.fields();
        Map<String, String> meta = (Map<String, String>) fields.get("phone_number_meta");
        return new ContactDetailDocument(id, null, (String) fields.get("type"), (String) fields.get("name"),
                (String) fields.get("value"), meta == null ? null : new PhoneNumberMeta(meta.get("country"), meta.get("formatted")),
                (List<String>) fields.get("account_uuids"), (List<String>) fields.get("primary_account_uuids"),
                past.createdAt(), past.updatedAt());
    }
}
