#include "storage/notification_json.h"

namespace ladder::storage {

Json NotificationJson(const model::Notification& n) {
  return {{"id", n.id},
          {"recipient", n.recipient},
          {"kind", model::NotificationKindName(n.kind)},
          {"subject", n.subject},
          {"link", n.link},
          {"created_at", n.created_at},
          {"read_at", n.read_at.empty() ? Json() : Json(n.read_at)},
          {"key", n.key}};
}

Json DeliveryJson(const model::Delivery& d) {
  return {{"id", d.id},
          {"notification", d.notification},
          {"recipient", d.recipient},
          {"channel", model::ChannelName(d.channel)},
          {"target", d.target},
          {"status", model::DeliveryStatusName(d.status)},
          {"attempts", d.attempts},
          {"due_at", d.due_at},
          {"last_error", d.last_error},
          {"delivered_at", d.delivered_at.empty() ? Json() : Json(d.delivered_at)}};
}

Json NotificationPrefsJson(const model::NotificationPrefs& p) {
  Json channels = Json::object();
  for (model::NotificationKind kind : model::kNotificationKinds) {
    Json list = Json::array();
    for (model::Channel c : {model::Channel::kEmail, model::Channel::kWebhook})
      if (p.Wants(kind, c)) list.push_back(model::ChannelName(c));
    channels[model::NotificationKindName(kind)] = std::move(list);
  }
  return {{"person", p.person},
          {"email", model::EmailModeName(p.email)},
          {"channels", std::move(channels)}};
}

Status FromJson(const Json& j, model::NotificationPrefs& p) {
  if (!j.is_object())
    return MakeError(ErrorCode::kInvalidArgument, "preferences are a JSON object", {}, "prefs");
  if (j.contains("person") && j["person"].is_string()) p.person = j["person"].get<std::string>();
  if (j.contains("email")) {
    const Json& e = j["email"];
    std::optional<model::EmailMode> mode =
        e.is_string() ? model::ParseEmailMode(e.get<std::string>()) : std::nullopt;
    if (!mode)
      return MakeError(ErrorCode::kInvalidArgument,
                       "email is immediate, digest or off, not " + e.dump(), {}, "email");
    p.email = *mode;
  }
  if (!j.contains("channels")) return Ok();
  const Json& channels = j["channels"];
  if (!channels.is_object())
    return MakeError(ErrorCode::kInvalidArgument, "channels is an object of kinds", {}, "channels");
  for (const auto& [name, list] : channels.items()) {
    std::optional<model::NotificationKind> kind = model::ParseNotificationKind(name);
    if (!kind)
      return MakeError(ErrorCode::kInvalidArgument, "no notification kind \"" + name + "\"", {},
                       "channels." + name);
    if (!list.is_array())
      return MakeError(ErrorCode::kInvalidArgument, "a list of channels (email, webhook)", {},
                       "channels." + name);
    std::vector<model::Channel> chosen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      std::optional<model::Channel> c =
          list[i].is_string() ? model::ParseChannel(list[i].get<std::string>()) : std::nullopt;
      if (!c || *c == model::Channel::kInbox || *c == model::Channel::kDigest)
        return MakeError(ErrorCode::kInvalidArgument,
                         "a channel is email or webhook, not " + list[i].dump(), {},
                         "channels." + name + "[" + std::to_string(i) + "]");
      chosen.push_back(*c);
    }
    p.channels[*kind] = std::move(chosen);
  }
  return Ok();
}

}  // namespace ladder::storage
