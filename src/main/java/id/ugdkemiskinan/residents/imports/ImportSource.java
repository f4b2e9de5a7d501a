package id.ugdkemiskinan.residents.imports;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a list comes from: a programme (its rows are this intervention of this provider)
 * or a desil source, with the column mapping saved last time.
 */
public record ImportSource(String code, String kind, String name, @Nullable String interventionCode,
		@Nullable String providerCode, Map<String, String> mapping, long version) {

	public boolean desil() {
		return "DESIL".equals(this.kind);
	}

}
