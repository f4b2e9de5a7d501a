package id.ugdkemiskinan.browser;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's reference data pages in headless Chromium, looked at by
 * {@link Browser#look}: the dinas list, the add form with its field messages, the edit
 * page with its status buttons.
 */
@TestPropertySource(properties = { "ugd.dashboard.rollup-enabled=false", "ugd.demo.cases=false",
		"ugd.test.database=ugd_refdata_browser" })
class RefDataBrowserTests extends BrowserTestSupport {

	@Test
	@Order(1)
	void theAdminAddsRenamesAndDeactivatesADinas() {
		this.browser.login("admin");
		this.browser.open("/admin");
		this.browser.look("admin-home");
		this.browser.clickToLoad("main a[href='/admin/dinas']");
		assertThat(this.browser.pageText()).contains("Dinas Pendidikan", "Sekretariat");
		this.browser.look("admin-dinas");

		this.browser.clickToLoad("a[href='/admin/dinas/baru']");
		this.browser.type("#code", "dinas perumahan");
		this.browser.clickToLoad("form button[type=submit].btn-primary");
		assertThat(this.browser.pageText()).contains("Kode hanya huruf besar", "Nama wajib diisi.");
		this.browser.look("admin-dinas-add-errors");

		this.browser.open("/admin/dinas/baru");
		this.browser.type("#code", "DINAS_PERUMAHAN");
		this.browser.type("#name", "Dinas Perumahan dan Kawasan Permukiman");
		this.browser.clickToLoad("form button[type=submit].btn-primary");
		assertThat(this.browser.pageText()).contains("Dinas ditambahkan.", "Dinas Perumahan dan Kawasan Permukiman");

		this.browser.open("/admin/dinas/DINAS_PERUMAHAN");
		this.browser.look("admin-dinas-edit");
		this.browser.clickConfirmedToLoad("form[action$='/nonaktifkan'] button");
		assertThat(this.browser.pageText()).contains("Dinas dinonaktifkan.");
		this.browser.look("admin-dinas-after-deactivate");
		this.browser.logout();
	}

	@Test
	@Order(2)
	void theAdminAddsACategoryWithQuestionsAndTheOperatorSeesThem() {
		this.browser.login("admin");
		this.browser.open("/admin/kategori/baru");
		this.browser.type("#code", "RTLH_PESISIR");
		this.browser.type("#name", "Rumah pesisir");
		this.browser.type("#description", "Rumah tidak layak huni di pesisir, abrasi, rob");
		this.browser.type("#guidance",
				"Tanyakan sejak kapan rumah terkena rob dan apakah ada anggota keluarga lansia.");
		this.browser.type("#question1", "Jenis kerusakan");
		this.browser.type("#question2", "Luas rumah (m2)");
		this.browser.clickToLoad("form button[type=submit].btn-primary");
		assertThat(this.browser.pageText()).contains("Kategori ditambahkan.", "Rumah pesisir");
		this.browser.look("admin-categories");
		this.browser.open("/admin/kategori/RTLH_PESISIR");
		this.browser.look("admin-category-edit");
		this.browser.open("/admin/pengguna");
		this.browser.clickToLoad("a[href$='/ubah'][aria-label$='dinsos']");
		this.browser.look("admin-user-edit");
		this.browser.logout();

		this.browser.login("upt.muncar");
		this.browser.open("/kasus/baru");
		assertThat(this.browser.pageText()).contains("Rumah pesisir", "Jenis kerusakan", "Tanyakan sejak kapan");
		this.browser.look("filing-form-with-questions");
		this.browser.logout();
	}

	@Test
	@Order(3)
	void theAdminAddsAPartnerProviderAndLinksAnIntervention() {
		this.browser.login("admin");
		this.browser.open("/admin/intervensi/penyedia/baru");
		this.browser.type("#code", "BAZNAS_BWI");
		this.browser.find("#kind option[value='BAZNAS']").click();
		this.browser.type("#name", "Baznas Kabupaten Banyuwangi");
		this.browser.type("#programme", "Banyuwangi Peduli");
		this.browser.clickToLoad("form button[type=submit].btn-primary");
		assertThat(this.browser.pageText()).contains("Penyedia ditambahkan.", "Banyuwangi Peduli");
		this.browser.open("/admin/intervensi/PKH");
		this.browser.find("#providerCode option[value='BAZNAS_BWI']").click();
		this.browser.clickToLoad("form button[type=submit].btn-primary");
		assertThat(this.browser.pageText()).contains("Intervensi disimpan.");
		this.browser.look("admin-interventions");
		this.browser.open("/admin/intervensi/penyedia/baru");
		this.browser.look("admin-provider-form");
		this.browser.logout();
	}

}
