package id.ugdkemiskinan.region;

import java.util.List;

import org.springframework.data.repository.Repository;

interface KecamatanRepository extends Repository<Kecamatan, String> {

	List<Kecamatan> findByKabupatenCodeOrderByNameAsc(String kabupatenCode);

	long countByKabupatenCode(String kabupatenCode);

}
