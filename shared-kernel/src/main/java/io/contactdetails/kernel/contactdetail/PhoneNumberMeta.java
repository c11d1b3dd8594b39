package io.contactdetails.kernel.contactdetail;

/** What Plannr shows beside a phone number: the number's own region and its national format. */
public record PhoneNumberMeta(String country, String formatted) {
}
