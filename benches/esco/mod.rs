//! A deterministic catalog the size of ESCO, in format 1, for benchmarks and speed checks.
//!
//! At [`Scale::ESCO`]: 40 sectors; 3,000 occupations with 10 functions each (about 70% essential) and
//! 40 competency needs each; 14,000 competencies; 5,000 programs linked to 3 occupations each. That is
//! 52,040 searchable texts and about 15 MB of RON, all Spanish text with accents. The same scale always
//! gives the same bytes: nothing depends on the clock, the machine or a hash seed.
//!
//! Shared by the benchmarks (`#[path]` module), by `benches/gen-catalog.rs`, which writes the catalog
//! and its texts to a folder, and by `tests/it/perf_generator.rs` (ignored by default: `cargo test -- --ignored perf_generator`).
#![allow(dead_code)] // each user takes what it needs

use std::fmt::Write as _;

/// How much to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Scale {
    pub sectors: usize,
    pub occupations: usize,
    pub functions_per_occupation: usize,
    pub competencies: usize,
    pub needs_per_occupation: usize,
    pub programs: usize,
    pub occupations_per_program: usize,
}

impl Scale {
    /// The size of ESCO: the scale the speed targets are set at.
    pub const ESCO: Scale = Scale {
        sectors: 40,
        occupations: 3_000,
        functions_per_occupation: 10,
        competencies: 14_000,
        needs_per_occupation: 40,
        programs: 5_000,
        occupations_per_program: 3,
    };

    /// A tenth of ESCO (about 1.5 MB): big enough to be cached, small enough for debug-build tests.
    pub const TENTH: Scale = Scale {
        sectors: 40,
        occupations: 300,
        functions_per_occupation: 10,
        competencies: 1_400,
        needs_per_occupation: 40,
        programs: 500,
        occupations_per_program: 3,
    };

    /// How many texts the search indexes: sectors, occupations, functions, competencies, programs.
    pub fn texts(&self) -> usize {
        self.sectors
            + self.occupations * (1 + self.functions_per_occupation)
            + self.competencies
            + self.programs
    }
}

/// A generated catalog: its RON text, and every searchable text one per line, in the order rumbo's
/// search index holds them (programs as "institution — name").
pub struct Generated {
    pub ron: String,
    pub texts: String,
}

/// The catalog id of every generated catalog.
pub const CATALOG_ID: &str = "esco-sintetico";

/// SplitMix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, list: &[&'a str]) -> &'a str {
        list[self.below(list.len())]
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const SECTORS: [&str; 40] = [
    "Agricultura, ganadería, caza y silvicultura",
    "Pesca y acuicultura",
    "Explotación de minas y canteras",
    "Industria de alimentos y bebidas",
    "Textiles, confección y calzado",
    "Madera, papel e impresión",
    "Química, farmacéutica y cosméticos",
    "Caucho, plásticos y minerales no metálicos",
    "Metalurgia y productos metálicos",
    "Maquinaria, equipo y automotores",
    "Electricidad, gas y energías renovables",
    "Agua, saneamiento y gestión de residuos",
    "Construcción de edificaciones",
    "Obras civiles e infraestructura vial",
    "Comercio al por mayor",
    "Comercio al por menor y almacenes",
    "Transporte terrestre de carga y pasajeros",
    "Transporte aéreo, marítimo y fluvial",
    "Logística, almacenamiento y mensajería",
    "Hotelería y alojamiento",
    "Restaurantes, cafeterías y gastronomía",
    "Turismo y agencias de viaje",
    "Edición, cine, radio y televisión",
    "Telecomunicaciones",
    "Desarrollo de software y servicios informáticos",
    "Banca, seguros y servicios financieros",
    "Actividades inmobiliarias",
    "Servicios jurídicos y contables",
    "Arquitectura, ingeniería y ensayos técnicos",
    "Investigación científica y desarrollo",
    "Publicidad, diseño y estudios de mercado",
    "Servicios administrativos y de apoyo (BPO)",
    "Seguridad privada y vigilancia",
    "Administración pública y defensa",
    "Educación inicial, básica y media",
    "Educación superior y formación para el trabajo",
    "Atención de la salud humana",
    "Asistencia social y cuidado de personas",
    "Arte, cultura, deporte y recreación",
    "Peluquería, estética y otros servicios personales",
];

const ROLES: [&str; 15] = [
    "Técnicos en",
    "Auxiliares de",
    "Operarios de",
    "Supervisores de",
    "Analistas de",
    "Ingenieros de",
    "Asistentes de",
    "Especialistas en",
    "Coordinadores de",
    "Instaladores de",
    "Inspectores de",
    "Tecnólogos en",
    "Profesionales de",
    "Agentes de",
    "Jefes de",
];

const ACTIVITIES: [&str; 20] = [
    "mantenimiento",
    "producción",
    "control de calidad",
    "ventas",
    "diseño",
    "instalación",
    "operación",
    "seguridad y salud en el trabajo",
    "gestión",
    "atención al cliente",
    "logística",
    "reparación",
    "planeación",
    "auditoría",
    "montaje",
    "investigación",
    "comercialización",
    "formación",
    "compras",
    "inspección técnica",
];

const DOMAINS: [&str; 60] = [
    "de maquinaria agrícola",
    "de equipos médicos",
    "de redes eléctricas",
    "de productos lácteos",
    "de sistemas de información",
    "de vehículos automotores",
    "de obras de construcción",
    "de plantas de tratamiento de agua",
    "de servicios financieros",
    "de cultivos de flores",
    "de telecomunicaciones móviles",
    "de equipos de cómputo",
    "de confección industrial",
    "de muebles de madera",
    "de productos farmacéuticos",
    "de alimentos procesados",
    "de aeronaves",
    "de embarcaciones",
    "de bodegas y centros de distribución",
    "de hoteles y restaurantes",
    "de energía solar fotovoltaica",
    "de gas natural domiciliario",
    "de ascensores y escaleras eléctricas",
    "de aire acondicionado y refrigeración",
    "de artes gráficas",
    "de calzado y marroquinería",
    "de minería subterránea",
    "de pozos petroleros",
    "de seguros de vida",
    "de comercio electrónico",
    "de centros de contacto",
    "de laboratorios clínicos",
    "de instituciones educativas",
    "de hogares geriátricos",
    "de espectáculos públicos",
    "de gimnasios y centros deportivos",
    "de salones de belleza",
    "de vías y puentes",
    "de acueductos y alcantarillados",
    "de residuos sólidos",
    "de plásticos y empaques",
    "de productos químicos",
    "de fundición de metales",
    "de estructuras metálicas",
    "de transporte público urbano",
    "de carga por carretera",
    "de puertos marítimos",
    "de agencias de viaje",
    "de medios digitales",
    "de producción audiovisual",
    "de software empresarial",
    "de ciberseguridad",
    "de bienes raíces",
    "de nómina y recursos humanos",
    "de contabilidad pública",
    "de archivos y documentación",
    "de vigilancia electrónica",
    "de atención a la primera infancia",
    "de pesca artesanal",
    "de viveros y jardinería",
];

const VERBS: [&str; 40] = [
    "Realizar",
    "Supervisar",
    "Coordinar",
    "Verificar",
    "Elaborar",
    "Gestionar",
    "Diseñar",
    "Operar",
    "Inspeccionar",
    "Planificar",
    "Atender",
    "Registrar",
    "Evaluar",
    "Instalar",
    "Reparar",
    "Asesorar sobre",
    "Controlar",
    "Preparar",
    "Mantener",
    "Analizar",
    "Organizar",
    "Capacitar al personal en",
    "Negociar",
    "Programar",
    "Calibrar",
    "Documentar",
    "Clasificar",
    "Distribuir",
    "Diagnosticar",
    "Ejecutar",
    "Aplicar",
    "Promover",
    "Facilitar",
    "Examinar",
    "Revisar",
    "Montar",
    "Ajustar",
    "Limpiar y desinfectar",
    "Transportar",
    "Vender",
];

const OBJECTS: [&str; 60] = [
    "el mantenimiento preventivo de los equipos",
    "las solicitudes y quejas de los clientes",
    "la documentación técnica del proyecto",
    "los inventarios de materias primas",
    "las instalaciones eléctricas de baja tensión",
    "los procedimientos de seguridad industrial",
    "la producción de la línea de envasado",
    "los registros contables y tributarios",
    "las muestras de laboratorio",
    "el servicio de atención al público",
    "los programas de formación del personal",
    "las rutas de distribución de mercancía",
    "los sistemas de información geográfica",
    "el riego y la fertilización de los cultivos",
    "las historias clínicas de los pacientes",
    "los planos de construcción y sus especificaciones",
    "la maquinaria pesada de la obra",
    "los pedidos de compra a proveedores",
    "las campañas de publicidad en medios digitales",
    "el control de calidad del producto terminado",
    "los contratos de arrendamiento",
    "las redes de datos y comunicaciones",
    "el almacenamiento de sustancias peligrosas",
    "los presupuestos de obra",
    "las piezas mecánicas de precisión",
    "los turnos de trabajo del equipo",
    "la facturación electrónica",
    "las bases de datos de la organización",
    "los equipos de protección personal",
    "la cadena de frío de los alimentos",
    "los reportes de gestión mensuales",
    "las pólizas de seguros",
    "las actividades recreativas y deportivas",
    "los tratamientos estéticos y capilares",
    "la señalización de las vías",
    "las estructuras de concreto reforzado",
    "los vehículos de la flota",
    "el embalaje y rotulado de los productos",
    "la atención de emergencias",
    "los planes de mejoramiento continuo",
    "las auditorías internas de calidad",
    "los manuales de funciones y procedimientos",
    "la recolección de residuos aprovechables",
    "el montaje de estructuras metálicas",
    "las cuentas por cobrar y la cartera",
    "la programación de la producción",
    "las condiciones ambientales del proceso",
    "los componentes electrónicos",
    "el software de gestión empresarial",
    "la logística de eventos y espectáculos",
    "la alimentación y el cuidado de los animales",
    "los sistemas hidráulicos y neumáticos",
    "las necesidades de aprendizaje de los estudiantes",
    "el archivo físico y digital",
    "las transacciones de caja",
    "los cultivos hidropónicos",
    "los motores de combustión interna",
    "las válvulas y tuberías de la planta",
    "el diseño de piezas gráficas",
    "la información estadística del sector",
];

const COMPLEMENTS: [&str; 25] = [
    "según las normas técnicas vigentes",
    "de acuerdo con el plan de trabajo",
    "con criterios de calidad y oportunidad",
    "conforme a la legislación ambiental",
    "en coordinación con el área de producción",
    "para garantizar la continuidad del servicio",
    "teniendo en cuenta las especificaciones del fabricante",
    "bajo la supervisión del jefe inmediato",
    "según los protocolos de bioseguridad",
    "y reportar las novedades encontradas",
    "con el fin de optimizar los recursos de la organización",
    "de acuerdo con las políticas de la empresa",
    "según el cronograma establecido",
    "y proponer acciones de mejora",
    "conforme a los requisitos del cliente",
    "según la normativa de tránsito",
    "en condiciones de higiene y seguridad",
    "de acuerdo con el presupuesto aprobado",
    "con herramientas manuales y eléctricas",
    "y llevar el registro correspondiente",
    "según las órdenes de trabajo",
    "en turnos rotativos",
    "de acuerdo con la técnica indicada",
    "para cumplir las metas de producción",
    "según los estándares de atención",
];

const SKILLS: [&str; 50] = [
    "Manejo de",
    "Interpretación de",
    "Aplicación de",
    "Gestión de",
    "Negociación de",
    "Diseño de",
    "Mantenimiento de",
    "Operación de",
    "Programación de",
    "Análisis de",
    "Elaboración de",
    "Supervisión de",
    "Control de",
    "Evaluación de",
    "Instalación de",
    "Reparación de",
    "Planificación de",
    "Organización de",
    "Documentación de",
    "Inspección de",
    "Atención de",
    "Comunicación de",
    "Redacción de",
    "Promoción de",
    "Venta de",
    "Calibración de",
    "Clasificación de",
    "Preparación de",
    "Registro de",
    "Verificación de",
    "Montaje de",
    "Limpieza de",
    "Coordinación de",
    "Facturación de",
    "Asesoría en",
    "Formación en",
    "Investigación sobre",
    "Auditoría de",
    "Conducción de",
    "Cuidado de",
    "Protección de",
    "Reciclaje de",
    "Transporte de",
    "Almacenamiento de",
    "Cálculo de",
    "Dibujo técnico de",
    "Medición de",
    "Ensamble de",
    "Pruebas de",
    "Optimización de",
];

const SKILL_OBJECTS: [&str; 70] = [
    "hojas de cálculo",
    "planos eléctricos",
    "normas de higiene alimentaria",
    "proveedores nacionales",
    "bases de datos relacionales",
    "equipos de soldadura",
    "maquinaria de confección",
    "controladores lógicos programables",
    "estados financieros",
    "informes técnicos",
    "inventarios de bodega",
    "procesos de producción",
    "riesgos laborales",
    "sistemas de refrigeración",
    "redes inalámbricas",
    "motores eléctricos",
    "cultivos de ciclo corto",
    "eventos corporativos",
    "expedientes judiciales",
    "pacientes hospitalizados",
    "reclamos de usuarios",
    "campañas publicitarias",
    "textos institucionales",
    "productos turísticos",
    "seguros generales",
    "instrumentos de medición",
    "residuos peligrosos",
    "alimentos perecederos",
    "transacciones bancarias",
    "estructuras metálicas",
    "fachadas y cubiertas",
    "superficies hospitalarias",
    "obras de infraestructura",
    "servicios públicos",
    "clientes corporativos",
    "trabajadores en alturas",
    "lenguas extranjeras",
    "métodos de enseñanza",
    "poblaciones vulnerables",
    "vehículos de carga pesada",
    "adultos mayores",
    "datos personales",
    "materiales reciclables",
    "mercancías peligrosas",
    "productos químicos",
    "costos de producción",
    "piezas mecánicas",
    "terrenos y predios",
    "circuitos electrónicos",
    "aplicaciones móviles",
    "sistemas de gestión de calidad",
    "equipos biomédicos",
    "muestras biológicas",
    "instalaciones de gas",
    "tuberías hidráulicas",
    "contenidos audiovisuales",
    "páginas web",
    "nóminas y prestaciones sociales",
    "impuestos y tributos",
    "archivos históricos",
    "cámaras de seguridad",
    "niños y niñas en primera infancia",
    "embarcaciones pesqueras",
    "plantas ornamentales",
    "animales de compañía",
    "fibras textiles",
    "prendas de vestir",
    "pinturas y recubrimientos",
    "equipos de cómputo",
    "máquinas herramienta",
];

const QUALIFIERS: [&str; 4] =
    ["", " en entornos industriales", " con tecnología digital", " según la normativa vigente"];

const KINDS: [&str; 6] = ["Technical", "Technical", "Digital", "Social", "Attitude", "Language"];

const INSTITUTIONS: [&str; 16] = [
    "SENA",
    "Universidad Nacional de Colombia",
    "Politécnico Grancolombiano",
    "Corporación Unificada Nacional de Educación Superior",
    "Fundación Universitaria del Área Andina",
    "Institución Universitaria Pascual Bravo",
    "Escuela Tecnológica Instituto Técnico Central",
    "Universidad Pedagógica y Tecnológica de Colombia",
    "Corporación Universitaria Minuto de Dios",
    "Instituto Técnico de Capacitación",
    "Fundación Universitaria Compensar",
    "Universidad del Valle",
    "Colegio Mayor de Antioquia",
    "Escuela Colombiana de Carreras Industriales",
    "Unidades Tecnológicas de Santander",
    "Instituto de Educación para el Trabajo Cafam",
];

const LEVELS: [(&str, &str); 6] = [
    ("Técnico laboral", "Técnico laboral en"),
    ("Técnica profesional", "Técnica profesional en"),
    ("Tecnología", "Tecnología en"),
    ("Especialización tecnológica", "Especialización tecnológica en"),
    ("Curso complementario", "Curso complementario de"),
    ("Profesional universitario", "Profesional en"),
];

/// Appends `text` as a RON string (the pools hold no quotes or backslashes; checked anyway).
fn quoted(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
}

fn occupation_id(n: usize) -> String {
    format!("ocupacion-{n:05}")
}

fn competency_id(n: usize) -> String {
    format!("comp-{n:05}")
}

fn occupation_title(n: usize) -> String {
    // Mixed radix over the pools, so titles repeat only past 15 × 20 × 60 = 18,000 occupations.
    let role = ROLES[n % ROLES.len()];
    let activity = ACTIVITIES[(n / ROLES.len()) % ACTIVITIES.len()];
    let domain = DOMAINS[(n * 7 + n / (ROLES.len() * ACTIVITIES.len())) % DOMAINS.len()];
    format!("{role} {activity} {domain}")
}

fn competency_name(n: usize) -> String {
    let skill = SKILLS[n % SKILLS.len()];
    let object = SKILL_OBJECTS[(n / SKILLS.len()) % SKILL_OBJECTS.len()];
    let qualifier = QUALIFIERS[(n / (SKILLS.len() * SKILL_OBJECTS.len())) % QUALIFIERS.len()];
    format!("{skill} {object}{qualifier}")
}

/// `count` distinct numbers below `n`, in the order drawn.
fn distinct(rng: &mut Rng, n: usize, count: usize) -> Vec<usize> {
    let mut picked: Vec<usize> = Vec::with_capacity(count);
    while picked.len() < count.min(n) {
        let candidate = rng.below(n);
        if !picked.contains(&candidate) {
            picked.push(candidate);
        }
    }
    picked
}

/// The catalog at `scale`, and its searchable texts.
pub fn generate(scale: Scale) -> Generated {
    let mut rng = Rng(0x5EED_E5C0_2026_0001);
    let mut ron = String::with_capacity(scale.texts() * 300);
    let mut texts = String::with_capacity(scale.texts() * 80);
    let sector_name = |n: usize| {
        let base = SECTORS[n % SECTORS.len()];
        if n < SECTORS.len() { base.to_string() } else { format!("{base} ({})", n / SECTORS.len() + 1) }
    };

    ron.push_str("// Catálogo sintético del tamaño de ESCO, generado por benches/esco/mod.rs. No editar.\n");
    ron.push_str("Catalog(\n    format: 1,\n");
    let _ = writeln!(ron, "    id: \"{CATALOG_ID}\",");
    ron.push_str("    title: \"Catálogo sintético del tamaño de ESCO\",\n    language: \"es\",\n");
    ron.push_str("    version: \"1\",\n");
    ron.push_str("    sources: [Source(id: \"esco-sintetico\", title: \"Datos sintéticos para pruebas de velocidad\", publisher: \"rumbo\", note: \"Textos generados al azar con una semilla fija; no describen ocupaciones reales.\")],\n");

    ron.push_str("    sectors: [\n");
    for n in 0..scale.sectors {
        let name = sector_name(n);
        let _ = write!(ron, "        Sector(id: \"sector-{n:02}\", name: ");
        quoted(&mut ron, &name);
        ron.push_str(", summary: ");
        quoted(&mut ron, &format!("Ocupaciones del sector {}.", name.to_lowercase()));
        ron.push_str(", source: \"esco-sintetico\"),\n");
        texts.push_str(&name);
        texts.push('\n');
    }
    ron.push_str("    ],\n");

    let mut competency_texts = String::new();
    ron.push_str("    competencies: [\n");
    for n in 0..scale.competencies {
        let name = competency_name(n);
        let description =
            format!("Capacidad para {} {}.", rng.pick(&VERBS).to_lowercase(), rng.pick(&OBJECTS));
        let kind = KINDS[n % KINDS.len()];
        let _ = write!(ron, "        Competency(id: \"{}\", name: ", competency_id(n));
        quoted(&mut ron, &name);
        let _ = write!(ron, ", kind: {kind}, description: ");
        quoted(&mut ron, &description);
        ron.push_str("),\n");
        competency_texts.push_str(&name);
        competency_texts.push('\n');
    }
    ron.push_str("    ],\n");

    let mut occupation_texts = String::new();
    let mut function_texts = String::new();
    ron.push_str("    occupations: [\n");
    for n in 0..scale.occupations {
        let title = occupation_title(n);
        let sector = n * scale.sectors / scale.occupations.max(1);
        let _ = writeln!(ron, "        Occupation(\n            id: \"{}\",", occupation_id(n));
        let _ = writeln!(ron, "            sector: \"sector-{sector:02}\",");
        ron.push_str("            title: ");
        quoted(&mut ron, &title);
        ron.push_str(",\n            description: ");
        let description = format!(
            "{} {} {}. Trabajan en empresas del sector {}.",
            title,
            rng.pick(&["se encargan de", "tienen a su cargo", "participan en", "responden por"]),
            rng.pick(&OBJECTS),
            sector_name(sector).to_lowercase()
        );
        quoted(&mut ron, &description);
        let _ = writeln!(
            ron,
            ",\n            codes: [Code(system: \"ISCO\", code: \"{}.{}\")],",
            1000 + (n * 37) % 9000,
            n % 10
        );
        ron.push_str("            functions: [\n");
        for f in 0..scale.functions_per_occupation {
            let text = format!("{} {} {}.", rng.pick(&VERBS), rng.pick(&OBJECTS), rng.pick(&COMPLEMENTS));
            let _ = write!(ron, "                Function(id: \"o{n:05}-f{f:02}\", text: ");
            quoted(&mut ron, &text);
            ron.push_str(if rng.chance(70) { "),\n" } else { ", importance: Optional),\n" });
            function_texts.push_str(&text);
            function_texts.push('\n');
        }
        ron.push_str("            ],\n            competencies: [");
        for (i, c) in
            distinct(&mut rng, scale.competencies, scale.needs_per_occupation).into_iter().enumerate()
        {
            // Four a line and the default importance left out, as a tool writing compact RON would.
            ron.push_str(if i % 4 == 0 { "\n                " } else { " " });
            let _ = write!(ron, "Need(competency: \"{}\"", competency_id(c));
            ron.push_str(if rng.chance(60) { ")," } else { ", importance: Optional)," });
        }
        ron.push_str("\n            ],\n            source: \"esco-sintetico\",\n        ),\n");
        occupation_texts.push_str(&title);
        occupation_texts.push('\n');
    }
    ron.push_str("    ],\n");

    let mut program_texts = String::new();
    ron.push_str("    programs: [\n");
    for n in 0..scale.programs {
        let institution = rng.pick(&INSTITUTIONS);
        let (level, prefix) = LEVELS[rng.below(LEVELS.len())];
        let served = distinct(&mut rng, scale.occupations, scale.occupations_per_program);
        let first = served.first().map_or_else(|| occupation_title(0), |&o| occupation_title(o));
        // "Técnicos en mantenimiento de …" → "Técnico laboral en mantenimiento de …"
        let field = first.split_once(' ').map_or(first.as_str(), |(_, rest)| rest);
        let field = field.split_once(' ').map_or(field, |(head, rest)| match head {
            "en" | "de" => rest,
            _ => field,
        });
        let name = format!("{prefix} {field}");
        let _ = write!(ron, "        Program(id: \"programa-{n:05}\", institution: ");
        quoted(&mut ron, institution);
        ron.push_str(", name: ");
        quoted(&mut ron, &name);
        let _ = write!(ron, ", level: \"{level}\", occupations: [");
        for (i, o) in served.iter().enumerate() {
            if i > 0 {
                ron.push_str(", ");
            }
            let _ = write!(ron, "\"{}\"", occupation_id(*o));
        }
        let link = if rng.chance(20) { "Inferred" } else { "Stated" };
        let _ = writeln!(ron, "], link: {link}, source: \"esco-sintetico\"),");
        let _ = writeln!(program_texts, "{institution} — {name}");
    }
    ron.push_str("    ],\n)\n");

    texts.push_str(&occupation_texts);
    texts.push_str(&function_texts);
    texts.push_str(&competency_texts);
    texts.push_str(&program_texts);
    Generated { ron, texts }
}

/// Writes `esco.ron` and `esco-texts.txt` into `dir` (created if needed); returns the catalog's path.
pub fn write_to(dir: &std::path::Path, scale: Scale) -> std::io::Result<std::path::PathBuf> {
    std::fs::create_dir_all(dir)?;
    let generated = generate(scale);
    let catalog = dir.join("esco.ron");
    std::fs::write(&catalog, generated.ron)?;
    std::fs::write(dir.join("esco-texts.txt"), generated.texts)?;
    Ok(catalog)
}

/// The built-in catalog plus the one at `scale`, loaded and validated as rumbo loads them, with the
/// search index; the built-in catalog alone for `None`.
pub fn load(scale: Option<Scale>) -> (rumbo::catalog::CatalogSet, rumbo::search::SearchIndex) {
    use rumbo::catalog::{CatalogSet, SourceFile, builtin_file, load_files};
    let mut files = vec![builtin_file()];
    if let Some(scale) = scale {
        files.push(SourceFile { name: "esco.ron".into(), text: generate(scale).ron });
    }
    let loaded = match load_files(files) {
        Ok(loaded) => loaded,
        Err(problems) => panic!("the generated catalog does not load: {problems:?}"),
    };
    let set = CatalogSet::new(loaded.into_iter().map(|l| l.catalog).collect());
    let index = rumbo::search::SearchIndex::new(&set);
    (set, index)
}

/// rumbo as the terminal runs it, minus the terminal: a model on `scale` (the built-in catalog alone
/// for `None`), a real `Runner` on a temporary data folder, drawn on a `TestBackend` of `width` ×
/// `height`. For the benchmarks that time what a key costs, drawing included.
pub struct App {
    pub model: rumbo::app::Model,
    pub runner: rumbo::runtime::Runner,
    pub terminal: ratatui::Terminal<ratatui::backend::TestBackend>,
    pub dir: tempfile::TempDir,
}

impl App {
    pub fn start(scale: Option<Scale>, width: u16, height: u16) -> App {
        use std::sync::Arc;
        let (set, index) = load(scale);
        let mut model = rumbo::app::Model::new(rumbo::i18n::Lang::Es, Arc::new(set), Arc::new(index));
        model.size = (width, height);
        let dir = tempfile::tempdir().expect("a temporary folder");
        let mut runner = rumbo::runtime::Runner::new(dir.path()).expect("a data folder");
        runner.start(&mut model);
        let terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
            .expect("a test terminal");
        App { model, runner, terminal, dir }
    }

    pub fn key(&mut self, code: crossterm::event::KeyCode) {
        let key = crossterm::event::KeyEvent::new(code, crossterm::event::KeyModifiers::NONE);
        self.runner.dispatch(&mut self.model, vec![rumbo::app::Msg::Key(key)]);
    }

    pub fn type_text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(crossterm::event::KeyCode::Char(c));
        }
    }

    /// One frame, as the main loop draws it after each batch of events.
    pub fn draw(&mut self) {
        let model = &self.model;
        let theme = rumbo::ui::theme::Theme::new(rumbo::ui::theme::ThemeName::Normal, false);
        self.terminal
            .draw(|frame| {
                rumbo::ui::view(model, &theme, frame);
            })
            .expect("drawn");
    }

    /// From the start screen: a new session with consent, so it is saved like a real one.
    pub fn open_session(&mut self) {
        use crossterm::event::KeyCode;
        self.key(KeyCode::Char('n'));
        self.type_text("Persona de prueba");
        self.key(KeyCode::Tab);
        self.type_text("Consejera");
        self.key(KeyCode::Tab);
        self.key(KeyCode::Char(' '));
        self.key(KeyCode::Enter);
        assert!(self.model.workspace().is_some(), "the session opened");
        self.draw();
    }
}
