//! The command line's help in Spanish. clap's derive texts are English; for a Spanish user every visible
//! help line is replaced here, by argument id, so both languages cover the same arguments (a test checks).

use clap::{Arg, Command};

/// (argument id, help) for the global options, which every subcommand shows too.
const GLOBAL: &[(&str, &str)] = &[
    ("catalogs", "Carga un archivo de catálogo, o cada *.ron de una carpeta (se puede repetir)"),
    ("no_builtin", "Deja fuera los catálogos integrados (bpo-bogota y cuoc-2025)"),
    ("builtins", "Carga solo este catálogo integrado (se puede repetir) [por defecto: todos]"),
    (
        "lang",
        "Idioma de la interfaz y los mensajes [por defecto: español, o inglés con una configuración regional inglesa]",
    ),
    ("data_dir", "Carpeta de las sesiones guardadas"),
    ("config_dir", "Carpeta de config.ron y de catalogs/"),
    (
        "kiosk",
        "Modo quiosco de autoconsulta para equipos compartidos (también `kiosk: Kiosk(enabled: true)` en config.ron)",
    ),
    ("theme", "Colores de la aplicación; alto-contraste para baja visión (NO_COLOR quita el color)"),
    ("help", "Muestra esta ayuda"),
    ("version", "Muestra la versión"),
];

const SESSION: &str =
    "Identificador de la sesión, el comienzo de uno que no se repita, o el código del quiosco (K7M2QX)";
const ALL_OFFICES: &str =
    "Las sesiones de todas las oficinas, con una columna de oficina (solo el rol de coordinación)";

const TEMPLATE: &str = "{before-help}{about-with-newline}\nUso: {usage}\n\n{all-args}{after-help}";

pub fn localize(cmd: Command) -> Command {
    let cmd = common(cmd)
        .about("Asistente de orientación vocacional en la terminal para oficinas públicas de empleo")
        .mut_subcommand("catalog", |c| {
            common(c).about("Herramientas de catálogos").mut_subcommand("check", |c| {
                common(c)
                    .about("Valida los catálogos cargados y los archivos dados; cada problema como ARCHIVO:LÍNEA:COLUMNA: mensaje")
                    .mut_arg("paths", |a| a.help("Más archivos o carpetas de catálogo para validar junto con los cargados"))
                    .mut_arg("json", |a| a.help("Escribe {\"catalogs\":[…]} (o {\"problems\":[…]}) en JSON"))
            })
            .mut_subcommand("import", |c| {
                common(c).about("Convierte una fuente oficial en un catálogo (formato 2; 4 con --interests)").mut_subcommand("cuoc", |c| {
                    common(c)
                        .about("Lee el libro de Excel de perfiles ocupacionales de la CUOC (DANE) y escribe el catálogo")
                        .mut_arg("workbook", |a| a.help("El libro PerfilesOcupacionales-Excel-CUOC-*.xlsx"))
                        .mut_arg("output", |a| a.help("El archivo .ron que escribir (sin -o: la salida estándar)"))
                        .mut_arg("interests", |a| a.help("Da además a cada ocupación su perfil de intereses (RIASEC), derivado de O*NET (no es del DANE): la carpeta con Interests.txt, isco_soc_crosswalk.xls y 2010_to_2019_Crosswalk.xlsx (escribe el formato 4)"))
                        .after_help(crate::catalog::ONET_CREDIT)
                })
            })
        })
        .mut_subcommand("export", |c| {
            common(c)
                .about("Escribe el resumen de una sesión (Markdown, HTML o JSON)")
                .mut_arg("session", |a| a.help(SESSION))
                .mut_arg("format", |a| a.help("Formato del archivo"))
                .mut_arg("notes", |a| a.help("Qué notas entran: todas, solo las de ocupaciones, o ninguna"))
                .mut_arg("output", |a| a.help("Escribe aquí (`-` para la salida estándar) en vez de en la carpeta de resúmenes; nunca sobrescribe"))
                .mut_arg("schema", |a| a.help("Solo JSON: el esquema que escribir (1: la forma anterior a la experiencia; sin él: el más nuevo)"))
        })
        .mut_subcommand("sessions", |c| {
            common(c)
                .about("Sesiones guardadas: listar, ver, seguimientos, borrar, depurar, importar")
                .mut_subcommand("list", |c| {
                    common(c)
                        .about("Todas las sesiones: id, alias, creada, última vez, mejor ajuste")
                        .mut_arg("json", |a| a.help("Escribe {\"sessions\":[…]} en JSON"))
                        .mut_arg("all_offices", |a| a.help(ALL_OFFICES))
                })
                .mut_subcommand("show", |c| common(c).about("Una sesión completa").mut_arg("session", |a| a.help(SESSION)))
                .mut_subcommand("due", |c| {
                    common(c)
                        .about("Sesiones cuyo seguimiento vence hasta un día (por defecto hoy; también las vencidas): alias, código, contacto, pasos pendientes")
                        .mut_arg("before", |a| a.help("El día (AAAA-MM-DD) hasta el que vence el seguimiento, en la zona horaria de este equipo"))
                        .mut_arg("json", |a| a.help("Escribe {\"day\":…,\"sessions\":[…]} en JSON"))
                        .mut_arg("all_offices", |a| a.help(ALL_OFFICES))
                })
                .mut_subcommand("purge", |c| {
                    common(c)
                        .about("Borra las sesiones más antiguas que el plazo de conservación; solo informa cuántas, nunca nombres")
                        .mut_arg("older_than", |a| a.help("En vez de retention_days de config.ron (de 1 a 3650)"))
                })
                .mut_subcommand("delete", |c| {
                    common(c)
                        .about("Borra una sesión y toda copia que rumbo hizo de ella (derecho de supresión)")
                        .mut_arg("session", |a| a.help(SESSION))
                        .mut_arg("yes", |a| a.help("No pide confirmación"))
                })
                .mut_subcommand("import", |c| {
                    common(c)
                        .about("Recupera un archivo de sesión guardado en otra parte (la copia que rumbo ofrece cuando no puede guardar)")
                        .mut_arg("file", |a| a.help("El archivo de sesión (<id>.ron)"))
                })
        })
        .mut_subcommand("kiosk", |c| {
            common(c).about("Configuración del modo quiosco").mut_subcommand("set-pin", |c| {
                common(c).about(
                    "Guarda el PIN de administrador (como hash argon2) en config.ron, sin cambiar lo demás, y quita el bloqueo por PIN incorrectos",
                )
            })
        })
        .mut_subcommand("office", |c| {
            common(c).about("Modo oficina (store: Postgres en config.ron): el servidor compartido de la oficina").mut_subcommand("init", |c| {
                common(c).about("Crea el esquema y los roles de la oficina, o los pone al día (tras actualizar cada equipo)")
            })
            .mut_subcommand("check", |c| {
                common(c).about("Un veredicto por línea: conexión, TLS, versión del servidor, esquema, permisos, diferencia de reloj, ida y vuelta")
            })
            .mut_subcommand("import", |c| {
                common(c).about("Copia las sesiones de este equipo al servidor de la oficina, relee cada una y luego borra los archivos locales")
            })
        })
        .mut_subcommand("search", |c| {
            common(c)
                .about("Búsqueda aproximada en todos los elementos de los catálogos cargados")
                .mut_arg("query", |a| a.help("Lo que se busca (no importan tildes ni mayúsculas)"))
                .mut_arg("kind", |a| {
                    a.help("Solo este tipo de elemento; title: las denominaciones del cargo (p. ej. «cajera»), cada una con su ocupación (código y nombre en --json)")
                })
                .mut_arg("limit", |a| a.help("Como mucho N resultados"))
                .mut_arg("json", |a| a.help("Escribe {\"results\":[…]} en JSON"))
        });
    GLOBAL.iter().fold(cmd, |cmd, (id, help)| cmd.mut_arg(*id, |a| a.help(*help)))
}

/// Spanish headings and template for one (sub)command.
fn common(cmd: Command) -> Command {
    cmd.help_template(TEMPLATE).subcommand_help_heading("Órdenes").mut_args(|a: Arg| {
        if a.is_positional() { a.help_heading("Argumentos") } else { a.help_heading("Opciones") }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn helps(cmd: &Command, out: &mut Vec<(String, String)>) {
        for arg in cmd.get_arguments() {
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            out.push((format!("{} {}", cmd.get_name(), arg.get_id()), help));
        }
        for sub in cmd.get_subcommands() {
            helps(sub, out);
        }
    }

    #[test]
    fn every_argument_has_spanish_help() {
        let english = super::super::Cli::command();
        let spanish = localize(super::super::Cli::command());
        let (mut en, mut es) = (Vec::new(), Vec::new());
        helps(&english, &mut en);
        helps(&spanish, &mut es);
        assert_eq!(en.len(), es.len());
        for ((id, en_help), (_, es_help)) in en.iter().zip(&es) {
            assert!(!es_help.is_empty(), "{id} has no help");
            assert_ne!(en_help, es_help, "{id} is still in English");
        }
        spanish.debug_assert();
    }
}
