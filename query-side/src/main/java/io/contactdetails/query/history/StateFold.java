package io.contactdetails.query.history;

import io.contactdetails.kernel.account.AccountCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailAttached;
import io.contactdetails.kernel.contactdetail.ContactDetailCreated;
import io.contactdetails.kernel.contactdetail.ContactDetailDetached;
import io.contactdetails.kernel.contactdetail.ContactDetailOwnersChanged;
import io.contactdetails.kernel.contactdetail.ContactDetailRemoved;
import io.contactdetails.kernel.contactdetail.ContactDetailRenamed;
import io.contactdetails.kernel.contactdetail.ContactDetailValueChanged;
import io.contactdetails.kernel.contactdetail.PrimaryAssigned;
import io.contactdetails.kernel.contactdetail.PrimaryRevoked;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The audit trail's view of an account or a contact detail: its fields as an auditor names them, folded
 * from events. Pure functions, so history and point-in-time reads agree by construction.
 */
final class StateFold {
    private StateFold() {
    }

    static Map<String, Object> account(Map<String, Object> state, Object event) {
        Map<String, Object> next = new LinkedHashMap<>(state);
        if (event instanceof AccountCreated created) {
            next.put("type", created.type().wireName());
            next.put("first_name", created.firstName());
            next.put("last_name", created.lastName());
            next.put("primary_email", null);
            next.put("primary_phone_number", null);
            next.put("contact_details", List.of());
        } else if (event instanceof ContactDetailAttached attached) {
            next.put("contact_details", with(state.get("contact_details"), attached.contactDetailId().toString()));
        } else if (event instanceof ContactDetailDetached detached) {
            next.put("contact_details", without(state.get("contact_details"), detached.contactDetailId().toString()));
        } else if (event instanceof PrimaryRevoked revoked) {
            String field = "primary_" + revoked.type().wireName();
            if (revoked.contactDetailId().toString().equals(state.get(field))) {
                next.put(field, null);
            }
        } else if (event instanceof PrimaryAssigned assigned) {
            next.put("primary_" + assigned.type().wireName(), assigned.contactDetailId().toString());
        }
        return next;
    }

    static Map<String, Object> contactDetail(Map<String, Object> state, Object event) {
        Map<String, Object> next = new LinkedHashMap<>(state);
        if (event instanceof ContactDetailCreated created) {
            next.put("type", created.type().wireName());
            next.put("name", created.name());
            next.put("value", created.value());
            next.put("phone_number_meta", created.phoneNumberMeta() == null ? null : Map.of(
                    "country", created.phoneNumberMeta().country(), "formatted", created.phoneNumberMeta().formatted()));
            next.put("account_uuids", created.accountIds().stream().map(Object::toString).toList());
            next.put("primary_account_uuids", List.of());
        } else if (event instanceof ContactDetailRenamed renamed) {
            next.put("name", renamed.name());
        } else if (event instanceof ContactDetailValueChanged changed) {
            next.put("value", changed.value());
            next.put("phone_number_meta", changed.phoneNumberMeta() == null ? null : Map.of(
                    "country", changed.phoneNumberMeta().country(), "formatted", changed.phoneNumberMeta().formatted()));
        } else if (event instanceof ContactDetailOwnersChanged changed) {
            next.put("account_uuids", changed.accountIds().stream().map(Object::toString).toList());
        } else if (event instanceof ContactDetailRemoved) {
            next.put("removed", true);
        } else if (event instanceof PrimaryAssigned assigned) {
            next.put("primary_account_uuids", with(state.get("primary_account_uuids"), assigned.accountId().toString()));
        } else if (event instanceof PrimaryRevoked revoked) {
            next.put("primary_account_uuids", without(state.get("primary_account_uuids"), revoked.accountId().toString()));
        }
        return next;
    }

    /**
     * For each field whose value differs, {@code {"from": before, "to": after}}; for a list, only what it
     * gained and lost, {@code {"added": [...], "removed": [...]}}: an entry is as large as its change, not as
     * the list (an account's details, a detail's owners), which would otherwise repeat on every line.
     */
    static Map<String, Map<String, Object>> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            Object previous = before.get(field);
            if (Objects.equals(previous, value)) {
                return;
            }
            Map<String, Object> change = value instanceof List<?> list ? listChange(asList(previous), list) : fromTo(previous, value);
            if (!change.isEmpty()) {
                changes.put(field, change);
            }
        });
        return changes;
    }

    private static Map<String, Object> fromTo(Object before, Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("from", before);
        change.put("to", after);
        return change;
    }

    private static Map<String, Object> listChange(List<?> before, List<?> after) {
        Set<?> had = new HashSet<>(before);
        Set<?> has = new HashSet<>(after);
        List<?> added = after.stream().filter(element -> !had.contains(element)).toList();
        List<?> removed = before.stream().filter(element -> !has.contains(element)).toList();
        Map<String, Object> change = new LinkedHashMap<>();
        if (!added.isEmpty()) {
            change.put("added", added);
        }
        if (!removed.isEmpty()) {
            change.put("removed", removed);
        }
        return change;
    }

    private static List<Object> with(Object list, String element) {
        List<Object> next = new ArrayList<>(asList(list));
        if (!next.contains(element)) {
            next.add(element);
        }
        return List.copyOf(next);
    }

    private static List<Object> without(Object list, String element) {
        List<Object> next = new ArrayList<>(asList(list));
        next.remove(element);
        return List.copyOf(next);
    }

    private static List<?> asList(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }
}
