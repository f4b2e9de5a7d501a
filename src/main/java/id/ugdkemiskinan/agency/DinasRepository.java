package id.ugdkemiskinan.agency;

import java.util.List;

import org.springframework.data.repository.Repository;

interface DinasRepository extends Repository<Dinas, String> {

	List<Dinas> findAllByOrderBySecretariatAscCodeAsc();

}
