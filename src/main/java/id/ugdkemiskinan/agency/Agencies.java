package id.ugdkemiskinan.agency;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The agency module's public face: the dinas, the categories and (later) the routing between them. */
@Service
@Transactional(readOnly = true)
public class Agencies {

	private final DinasRepository dinas;

	private final CategoryRepository categories;

	Agencies(DinasRepository dinas, CategoryRepository categories) {
		this.dinas = dinas;
		this.categories = categories;
	}

	/** Every dinas, the operational ones first and the secretariat last. */
	public List<DinasRef> dinas() {
		return this.dinas.findAllByOrderBySecretariatAscCodeAsc()
			.stream()
			.map(d -> new DinasRef(d.getCode(), d.getName(), d.isSecretariat(), d.isActive()))
			.toList();
	}

	public Optional<DinasRef> dinas(String code) {
		return dinas().stream().filter(d -> d.code().equals(code)).findFirst();
	}

	public List<CategoryRef> categories() {
		return this.categories.findByActiveTrueOrderBySortOrderAsc()
			.stream()
			.map(c -> new CategoryRef(c.getCode(), c.getName(), c.getDescription()))
			.toList();
	}

}
