-- Reference data the admin keeps in the browser (issue 17): per category a short guidance
-- text and up to three extra questions shown on the filing form (e.g. RTLH: "jenis kerusakan").
ALTER TABLE category
    ADD COLUMN guidance   varchar(500),
    ADD COLUMN question_1 varchar(200),
    ADD COLUMN question_2 varchar(200),
    ADD COLUMN question_3 varchar(200);
