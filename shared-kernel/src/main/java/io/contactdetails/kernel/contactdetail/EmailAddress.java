package io.contactdetails.kernel.contactdetail;

import io.contactdetails.kernel.InvalidValue;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as we store it: trimmed, in Unicode normalisation form C, domain lower-cased. The local
 * part keeps its case because RFC 5321 leaves it to the receiving server. A domain that normalisation would
 * change (a Kelvin sign U+212A becomes a K) is refused rather than silently turned into another host.
 */
public record EmailAddress(String value) implements ContactValue {
    public static final int MAX_LENGTH = 254;
    public static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final String INVALID = "The value field must be a valid email address.";
    // Dot-atom local part (RFC 5322 without quoted strings, which real mailboxes do not use).
    private static final Pattern LOCAL_PART = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

    public EmailAddress {
        value = normalise(value);
    }

    private static String normalise(String raw) {
        if (raw == null) {
            throw new InvalidValue(INVALID);
        }
        String trimmed = raw.strip();
        int at = trimmed.indexOf('@');
        if (at <= 0 || at != trimmed.lastIndexOf('@')) {
            throw new InvalidValue(INVALID);
        }
        String domainAsGiven = trimmed.substring(at + 1);
        if (!Normalizer.isNormalized(domainAsGiven, Normalizer.Form.NFC)) {
            throw new InvalidValue(INVALID);
        }
        String local = Normalizer.normalize(trimmed.substring(0, at), Normalizer.Form.NFC);
        String domain = domainAsGiven.toLowerCase(Locale.ROOT);
        if (local.length() + 1 + domain.length() > MAX_LENGTH || local.length() > MAX_LOCAL_PART_LENGTH
                || !LOCAL_PART.matcher(local).matches() || !validDomain(domain)) {
            throw new InvalidValue(INVALID);
        }
        return local + "@" + domain;
    }

    private static boolean validDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public ContactType type() {
        return ContactType.EMAIL;
    }

    @Override
    public PhoneNumberMeta phoneNumberMeta() {
        return null;
    }
}
