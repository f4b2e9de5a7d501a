package id.ugdkemiskinan.delivery.web;

import java.time.LocalDate;
import java.time.ZoneId;

import id.ugdkemiskinan.common.InvalidParameterException;
import id.ugdkemiskinan.common.Paging;
import id.ugdkemiskinan.delivery.ChannelType;
import id.ugdkemiskinan.delivery.DeliveryKind;
import org.jspecify.annotations.Nullable;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The delivery log's query parameters as given, read strictly: an option or a page that
 * cannot be read is a 400, and so is a date that cannot be read (the binding fails).
 */
record LogParams(@Nullable String channel, @Nullable String status, @Nullable String kind,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, @Nullable String page) {

	DeliveryLog.Filter filter(ZoneId zone) {
		if (this.from != null && this.to != null && this.to.isBefore(this.from)) {
			throw new InvalidParameterException("to", "delivery.log.toBeforeFrom", this.to, this.from);
		}
		return new DeliveryLog.Filter(Paging.option("channel", this.channel, ChannelType.class),
				Paging.option("status", this.status, DeliveryStatus.class),
				Paging.option("kind", this.kind, DeliveryKind.class, DeliveryKind.messageKinds()::contains),
				(this.from != null) ? this.from.atStartOfDay(zone).toInstant() : null,
				(this.to != null) ? this.to.plusDays(1).atStartOfDay(zone).toInstant() : null);
	}

	Paging paging(int size) {
		return Paging.parse(this.page, size);
	}

	/** The log's address with these filters (after {@link #filter} read them). */
	String href() {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath("/admin/pengiriman/log");
		add(link, "channel", this.channel);
		add(link, "status", this.status);
		add(link, "kind", this.kind);
		add(link, "from", (this.from != null) ? this.from.toString() : null);
		add(link, "to", (this.to != null) ? this.to.toString() : null);
		add(link, "page", this.page);
		return link.build().encode().toUriString();
	}

	private static void add(UriComponentsBuilder link, String name, @Nullable String value) {
		if (value != null && !value.isBlank()) {
			link.queryParam(name, value.strip());
		}
	}

}
