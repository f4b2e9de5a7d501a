package id.ugdkemiskinan.region;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface DesaRepository extends Repository<Desa, String> {

	List<Desa> findByKecamatanCodeOrderByNameAsc(String kecamatanCode);

	@Query("select count(d) from Desa d where d.kecamatanCode like concat(:kabupatenCode, '.%')")
	long countInKabupaten(String kabupatenCode);

}
