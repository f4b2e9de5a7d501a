package id.ugdkemiskinan.region;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface DesaRepository extends Repository<Desa, String> {

	List<Desa> findByKecamatanCodeOrderByNameAsc(String kecamatanCode);

	Optional<Desa> findById(String code);

	@Query("select count(d) from Desa d where d.kecamatanCode like concat(:kabupatenCode, '.%')")
	long countInKabupaten(String kabupatenCode);

}
